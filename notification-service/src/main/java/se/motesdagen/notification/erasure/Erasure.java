package se.motesdagen.notification.erasure;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
import se.motesdagen.platform.messaging.AddressKey;
import se.motesdagen.platform.outbox.ErasureReceipts;

/**
 * A registration erased (GDPR): what this service holds about its people goes. Mail not yet sent is not
 * sent (a sender that holds one in memory asks the store before sending it, unless it was queued within
 * the last second: see {@code MailDispatcher.FRESH}); the delivery log keeps that a mail of a kind went
 * out when, with its outcome, but not to whom nor what it said; the stored reminders and calendar items
 * go. Idempotent: erasing twice finds nothing the second time.
 */
@Service
public class Erasure {

    public static final String ERASED_RECIPIENT = "[raderad]";

    /** The follow-up report's template (FeedbackLetters), one mail per participant. */
    private static final String FOLLOW_UP = "follow-up";

    private static final Logger log = LoggerFactory.getLogger(Erasure.class);

    /** This service's confirmation that it erased what it held of a registration's people. */
    static final String REGISTRATION_ERASED_V1 = "se.motesdagen.notification.registration-erased.v1";

    /** This service's confirmation that it erased what it held of one person of a registration. */
    static final String PERSON_ERASED_V1 = "se.motesdagen.notification.person-erased.v1";

    /** This service's confirmation that it erased what it held of a host. */
    static final String HOST_ERASED_V1 = "se.motesdagen.notification.host-erased.v1";

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
        stopUnsent(Criteria.where("registrationId").is(id), "Inte skickat: anmälan raderades");
        long anonymised = mongo.updateMulti(ofRegistration, anonymised(), OutgoingMessage.class)
                .getModifiedCount();
        // follow-up reports queued before they named their registration: the participant is the
        // registration, and the last part of the message id
        anonymised += mongo.updateMulti(
                        Query.query(Criteria.where("template")
                                .is(FOLLOW_UP)
                                .and("registrationId")
                                .isNull()
                                .and("_id")
                                .regex(":" + Pattern.quote(id) + "$")),
                        anonymised(),
                        OutgoingMessage.class)
                .getModifiedCount();
        // mails to others whose text names the registration's people (a host's itinerary): the text goes,
        // who got a mail of what kind and when stays; one still waiting is not sent without its text (the
        // visit's cancellation makes the host's next itinerary)
        stopUnsent(Criteria.where("mentions").is(id), "Inte skickat: en anmälan som den nämner raderades");
        long mentioning = mongo.updateMulti(
                        Query.query(Criteria.where("mentions").is(id)),
                        new Update()
                                .unset("body")
                                .unset("html")
                                .set("attachments", List.of())
                                .pull("mentions", id),
                        OutgoingMessage.class)
                .getModifiedCount();
        reminders.forget(id);
        calendar.forgetAll(id);
        calendar.forgetMentionsOf(id);
        log.info(
                "Registration {} erased: {} messages anonymised, {} others' texts taken out, its reminders and calendar items gone",
                id,
                anonymised,
                mentioning);
        receipts.confirm(REGISTRATION_ERASED_V1, id);
    }

    /**
     * One person of a registration erased while it stays: the registration's mails to that address are
     * anonymised as in an erasure (and those still waiting are not sent); its other mails lose their text,
     * which may name the person (an attendee list, say), and keep kind, time, recipient and outcome. When
     * it was the contact, the reminders and calendar memory go too: there is nobody left to mail.
     */
    public void forgetPerson(String erasureId, String registrationId, String addressKey, boolean contact) {
        Query ofRegistration = Query.query(Criteria.where("registrationId").is(registrationId));
        ofRegistration.fields().include("_id").include("recipient");
        List<String> toThePerson = mongo.find(ofRegistration, OutgoingMessage.class).stream()
                .filter(m -> AddressKey.names(addressKey, m.getRecipient()))
                .map(OutgoingMessage::getId)
                .toList();
        stopUnsent(Criteria.where("_id").in(toThePerson), "Inte skickat: personen raderades");
        mongo.updateMulti(Query.query(Criteria.where("_id").in(toThePerson)), anonymised(), OutgoingMessage.class);
        mongo.updateMulti(
                Query.query(Criteria.where("registrationId").is(registrationId)),
                new Update()
                        .unset("body")
                        .unset("html")
                        .set("attachments", List.of())
                        .unset("resendReason"),
                OutgoingMessage.class);
        if (contact) {
            reminders.forget(registrationId);
            calendar.forgetAll(registrationId);
        }
        log.info(
                "Registration {}: a person erased, {} messages to them anonymised, the others' texts gone",
                registrationId,
                toThePerson.size());
        receipts.confirm(
                PERSON_ERASED_V1,
                erasureId,
                registrationId,
                Map.of("erasureId", erasureId, "registrationId", registrationId));
    }

    /**
     * A host (a politician or an official) erased from the visit service's roster: the mails sent to their
     * address that were about no registration (their itineraries) are anonymised as in an erasure, those
     * still waiting not sent. The host's name in the mails companies got about their visit stays in those
     * mails' texts until their own retention runs out.
     */
    public void forgetHost(String erasureId, String hostId, String addressKey) {
        Query toHosts = Query.query(
                Criteria.where("registrationId").is(null).and("recipient").ne(ERASED_RECIPIENT));
        toHosts.fields().include("_id").include("recipient");
        List<String> theirs = mongo.find(toHosts, OutgoingMessage.class).stream()
                .filter(m -> AddressKey.names(addressKey, m.getRecipient()))
                .map(OutgoingMessage::getId)
                .toList();
        stopUnsent(Criteria.where("_id").in(theirs), "Inte skickat: värden raderades");
        mongo.updateMulti(Query.query(Criteria.where("_id").in(theirs)), anonymised(), OutgoingMessage.class);
        log.info("Host {} erased: {} messages to them anonymised", hostId, theirs.size());
        receipts.confirm(HOST_ERASED_V1, erasureId, hostId, Map.of("erasureId", erasureId, "hostId", hostId));
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
                                .nin(OutgoingMessage.UNSENT)),
                        anonymised(),
                        OutgoingMessage.class)
                .getModifiedCount();
        log.info("Retention: {} messages created before {} anonymised", anonymised, before);
        return anonymised;
    }

    /**
     * The mail among these not yet sent is not sent: stopped, with why, and its lease taken away, so a
     * sender holding it in memory finds it gone when it asks the store before sending.
     */
    private void stopUnsent(Criteria which, String why) {
        mongo.updateMulti(
                Query.query(which.and("status").in(OutgoingMessage.UNSENT)),
                new Update()
                        .set("status", OutgoingMessage.Status.SUPPRESSED)
                        .unset("leaseToken")
                        .set("lastError", why),
                OutgoingMessage.class);
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
