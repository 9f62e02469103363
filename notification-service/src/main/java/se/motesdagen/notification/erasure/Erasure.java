package se.motesdagen.notification.erasure;

import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import se.motesdagen.notification.calendar.CalendarMemory;
import se.motesdagen.notification.mail.OutgoingMessage;
import se.motesdagen.notification.reminders.Reminders;
import se.motesdagen.platform.outbox.ErasureReceipts;

/**
 * A registration erased (GDPR): what this service holds about its people goes. Mail not yet sent is not
 * sent; the delivery log keeps that a mail of a kind went out when, with its outcome, but not to whom
 * nor what it said; the stored reminders and calendar items go. Idempotent: erasing twice finds nothing
 * the second time.
 */
@Service
public class Erasure {

    public static final String ERASED_RECIPIENT = "[raderad]";
    private static final Logger log = LoggerFactory.getLogger(Erasure.class);

    /** This service's confirmation that it erased what it held of a registration's people. */
    static final String REGISTRATION_ERASED_V1 = "se.motesdagen.notification.registration-erased.v1";

    private final MongoOperations mongo;
    private final Reminders reminders;
    private final CalendarMemory calendar;
    private final ErasureReceipts receipts;

    Erasure(MongoOperations mongo, Reminders reminders, CalendarMemory calendar, ErasureReceipts receipts) {
        this.mongo = mongo;
        this.receipts = receipts;
        this.reminders = reminders;
        this.calendar = calendar;
    }

    public void forget(String id) {
        Query ofRegistration = Query.query(Criteria.where("registrationId").is(id));
        mongo.updateMulti(
                Query.query(
                        Criteria.where("registrationId").is(id).and("status").is(OutgoingMessage.Status.PENDING)),
                new Update()
                        .set("status", OutgoingMessage.Status.SUPPRESSED)
                        .set("lastError", "Inte skickat: anmälan raderades"),
                OutgoingMessage.class);
        long anonymised = mongo.updateMulti(ofRegistration, anonymised(), OutgoingMessage.class)
                .getModifiedCount();
        reminders.forget(id);
        calendar.forgetAll(id);
        log.info(
                "Registration {} erased: {} messages anonymised, its reminders and calendar items gone",
                id,
                anonymised);
        receipts.confirm(REGISTRATION_ERASED_V1, id);
    }

    /**
     * The retention period (the municipality's gallringsbeslut): every mail created before {@code before}
     * that still names its recipient is anonymised as an erasure would, whatever it was about (a host's
     * itinerary, a follow-up report, a mail about no registration). What was sent, when and how it went
     * stays for the delivery log's figures. Mail still waiting to go is left alone.
     *
     * @return how many were anonymised
     */
    public long forgetCreatedBefore(Instant before) {
        long anonymised = mongo.updateMulti(
                        Query.query(Criteria.where("createdAt")
                                .lt(before)
                                .and("recipient")
                                .ne(ERASED_RECIPIENT)
                                .and("status")
                                .ne(OutgoingMessage.Status.PENDING)),
                        anonymised(),
                        OutgoingMessage.class)
                .getModifiedCount();
        log.info("Retention: {} messages created before {} anonymised", anonymised, before);
        return anonymised;
    }

    /**
     * What of a mail names a person: the recipient, subject and body, the files, the unsubscribe link,
     * and the reason staff gave for sending it again (which often names the person who called).
     */
    private static Update anonymised() {
        return new Update()
                .set("recipient", ERASED_RECIPIENT)
                .set("subject", ERASED_RECIPIENT)
                .unset("body")
                .unset("html")
                .set("attachments", List.of())
                .unset("unsubscribeUrl")
                .unset("resendReason");
    }
}
