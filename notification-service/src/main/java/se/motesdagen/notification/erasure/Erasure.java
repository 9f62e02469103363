package se.motesdagen.notification.erasure;

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

    private final MongoOperations mongo;
    private final Reminders reminders;
    private final CalendarMemory calendar;

    Erasure(MongoOperations mongo, Reminders reminders, CalendarMemory calendar) {
        this.mongo = mongo;
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
        long anonymised = mongo.updateMulti(
                        ofRegistration,
                        new Update()
                                .set("recipient", ERASED_RECIPIENT)
                                .set("subject", ERASED_RECIPIENT)
                                .unset("body")
                                .unset("html")
                                .set("attachments", List.of())
                                .unset("unsubscribeUrl"),
                        OutgoingMessage.class)
                .getModifiedCount();
        reminders.forget(id);
        calendar.forgetAll(id);
        log.info(
                "Registration {} erased: {} messages anonymised, its reminders and calendar items gone",
                id,
                anonymised);
    }
}
