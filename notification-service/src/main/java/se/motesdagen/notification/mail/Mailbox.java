package se.motesdagen.notification.mail;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import se.motesdagen.notification.calendar.CheckInCodes;
import se.motesdagen.platform.messaging.AddressKey;
import se.motesdagen.platform.security.LinkSeal;

/**
 * Queues e-mails asked for by events. Queuing is idempotent per event and template. Mail that anyone
 * can cause by typing an address into a public form (the confirm request) is capped per recipient and
 * day, so the form and the API cannot be used to flood somebody's inbox; what is over the cap is kept
 * in the delivery log as suppressed.
 */
@Service
public class Mailbox {

    private static final Logger log = LoggerFactory.getLogger(Mailbox.class);
    private static final Set<String> CAPPED = Set.of("confirm-request", "manage-link");
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private final MessageRepository messages;
    private final MongoOperations mongo;
    private final MailTemplates templates;
    private final MailDispatcher dispatcher;
    private final Clock clock;
    private final MeterRegistry meters;
    private final int perRecipientPerDay;
    private final LinkSeal seal;

    Mailbox(
            MessageRepository messages,
            MongoOperations mongo,
            MailTemplates templates,
            MailDispatcher dispatcher,
            Clock clock,
            MeterRegistry meters,
            LinkSeal seal,
            @Value("${motesdagen.mail.confirm-requests-per-recipient-per-day:5}") int perRecipientPerDay) {
        this.seal = seal;
        this.messages = messages;
        this.mongo = mongo;
        this.templates = templates;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.meters = meters;
        this.perRecipientPerDay = perRecipientPerDay;
    }

    /** Renders and stores the message; a second call for the same event and template changes nothing. */
    public void queue(String eventId, Letter letter) {
        queue(eventId, letter, null, null);
    }

    /** The same, for a mail the recipient can stop getting: {@code unsubscribeUrl} goes in its List-Unsubscribe. */
    public void queue(String eventId, Letter letter, String unsubscribeUrl) {
        queue(eventId, letter, null, unsubscribeUrl);
    }

    /**
     * The same, with files: they are made only for a message not queued before, so whatever making them
     * remembers (what is in somebody's calendar) is not done twice for an event delivered twice.
     */
    public void queue(String eventId, Letter letter, Supplier<List<Attachment>> files) {
        queue(eventId, letter, files, null);
    }

    /**
     * A message without files is rendered and stored at once: the store refuses a second one with the
     * same id, so a duplicate delivery costs no look-up first. It goes in leased to this instance's
     * sender and is handed to it, sent without being read again. The daily cap counts what was stored,
     * so a duplicate is not counted; a message over it is suppressed after storing. (Were the process to
     * die in between, the message would go out when its lease ran out: one over the cap, at a crash.)
     */
    private void queue(String eventId, Letter letter, Supplier<List<Attachment>> files, String unsubscribeUrl) {
        String template = letter.template();
        String registrationId = letter.registrationId();
        String recipient = letter.recipient();
        String messageId = letter.messageId(eventId);
        if (files != null && alreadyQueued(messageId)) {
            log.debug("Event {} already queued {}; duplicate delivery ignored", eventId, template);
            return;
        }
        List<Attachment> attachments = files == null ? List.of() : files.get();
        Map<String, Object> withFiles = new HashMap<>(letter.model());
        withFiles.put(
                "calendarAttached",
                attachments.stream().anyMatch(a -> a.filename().endsWith(".ics")));
        withFiles.put("unsubscribeUrl", unsubscribeUrl);
        withFiles.put("checkInCode", attachments.stream().anyMatch(a -> CheckInCodes.CONTENT_ID.equals(a.contentId())));
        MailTemplates.Rendered rendered = templates.render(template, letter.locale(), withFiles);
        OutgoingMessage message = new OutgoingMessage(
                messageId,
                eventId,
                template,
                registrationId,
                recipient,
                rendered.subject(),
                rendered.text(),
                rendered.html(),
                attachments,
                clock.instant());
        message.unsubscribeAt(unsubscribeUrl);
        message.mentioning(letter.mentions());
        message.sealLinks(seal);
        dispatcher.leaseOnQueue(message);
        try {
            messages.insert(message);
        } catch (DuplicateKeyException duplicate) {
            log.debug("Event {} already queued {}; duplicate delivery ignored", eventId, template);
            return;
        }
        if (CAPPED.contains(template) && countToday(template, recipient) > perRecipientPerDay) {
            suppress(message);
            meters.counter("motesdagen.mail.suppressed", "template", template).increment();
            log.warn("Suppressed {} for registration {}: daily cap for the address reached", template, registrationId);
            return;
        }
        dispatcher.hand(message);
        meters.counter("motesdagen.mail.queued", "template", template).increment();
        log.info("Queued {} for registration {} (event {})", template, registrationId, eventId);
    }

    /** Never sent, and kept in the delivery log as such: no link in it needs keeping, and no lease. */
    private void suppress(OutgoingMessage stored) {
        Update suppressed = new Update()
                .set("status", OutgoingMessage.Status.SUPPRESSED)
                .set("attempts", 0)
                .unset("leaseToken");
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(stored.getId())),
                OutgoingMessage.redactLinks(stored, suppressed),
                OutgoingMessage.class);
    }

    /**
     * Staff send a message again (the recipient lost it, or it failed while the mail server was away):
     * a copy with its own delivery record, the reason and the staff member kept with it. A message whose
     * links were taken out after delivery cannot be sent again: the new link must come from where it
     * was made (the registration's "send the link again").
     */
    public Optional<OutgoingMessage> resend(String messageId, String staff, String reason) {
        OutgoingMessage original = messages.findById(messageId).orElse(null);
        if (original == null || !original.canBeResent()) {
            return Optional.empty();
        }
        OutgoingMessage copy = original.resend(staff, reason, clock.instant());
        messages.insert(copy);
        dispatcher.hint(copy.getId());
        meters.counter("motesdagen.mail.resent", "template", copy.getTemplate()).increment();
        log.info("{} sent {} again as {}: {}", staff, messageId, copy.getId(), reason);
        return Optional.of(copy);
    }

    /** A find of the id alone: {@code existsById} counts with an aggregation, far dearer on the embedded store. */
    private boolean alreadyQueued(String messageId) {
        Query byId = Query.query(Criteria.where("_id").is(messageId));
        byId.fields().include("_id");
        return mongo.findOne(byId, Document.class, mongo.getCollectionName(OutgoingMessage.class)) != null;
    }

    /** Counts this one in: how many of this template the address has been given today, itself included. */
    private long countToday(String template, String recipient) {
        String key = template + ":" + AddressKey.of(recipient) + ":" + LocalDate.now(clock.withZone(STOCKHOLM));
        Document counter = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(key)),
                new Update().inc("count", 1).setOnInsert("createdAt", clock.instant()),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class,
                "recipientDailyCounts");
        return counter == null ? 1 : counter.get("count", Number.class).longValue();
    }
}
