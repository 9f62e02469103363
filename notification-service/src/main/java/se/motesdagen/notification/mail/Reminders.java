package se.motesdagen.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reminder before the day: scheduled on confirmation ({@code days-before} days before, at
 * {@code at} Stockholm time), kept current by changes, called off by a cancellation, and never sent
 * late as if on time: one made after its moment is skipped, and one found more than {@code grace}
 * after its moment (the service was down) is skipped too.
 *
 * <p>Several instances may run this at once: each reminder becomes a message whose id is the
 * reminder's, so a second instance's copy finds the message there and sends nothing.
 */
@Component
public class Reminders {

    static final String TEMPLATE = "reminder";
    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private final MongoOperations mongo;
    private final Mailbox mailbox;
    private final Unsubscribes unsubscribes;
    private final JsonMapper json;
    private final Clock clock;
    private final int daysBefore;
    private final LocalTime at;
    private final Duration grace;

    Reminders(
            MongoOperations mongo,
            Mailbox mailbox,
            Unsubscribes unsubscribes,
            JsonMapper json,
            Clock clock,
            @Value("${motesdagen.mail.reminder.days-before:2}") int daysBefore,
            @Value("${motesdagen.mail.reminder.at:09:00}") LocalTime at,
            @Value("${motesdagen.mail.reminder.grace:6h}") Duration grace) {
        this.mongo = mongo;
        this.mailbox = mailbox;
        this.unsubscribes = unsubscribes;
        this.json = json;
        this.clock = clock;
        this.daysBefore = daysBefore;
        this.at = at;
        this.grace = grace;
    }

    /** A confirmation or a change: the reminder is made, or brought up to date unless this event is older. */
    void schedule(RegistrationEvents.Confirmed registration) {
        String id = registration.registrationId() + ":" + TEMPLATE;
        Instant dueAt = registration
                .eventDate()
                .minusDays(daysBefore)
                .atTime(at)
                .atZone(STOCKHOLM)
                .toInstant();
        Instant now = clock.instant();
        ObjectNode stored = json.valueToTree(registration);
        stored.remove("manageUrl");
        Query notNewer = Query.query(Criteria.where("_id")
                .is(id)
                .orOperator(
                        Criteria.where("asOf").lt(registration.changedAt()),
                        Criteria.where("asOf").exists(false)));
        Update update = new Update()
                .set("registration", stored.toString())
                .set("asOf", registration.changedAt())
                .set("dueAt", dueAt)
                .setOnInsert("registrationId", registration.registrationId())
                .setOnInsert("createdAt", now)
                .setOnInsert("status", dueAt.isAfter(now) ? Reminder.Status.SCHEDULED : Reminder.Status.SKIPPED)
                .setOnInsert("note", dueAt.isAfter(now) ? null : "made after its moment");
        try {
            mongo.upsert(notNewer, update, Reminder.class);
        } catch (org.springframework.dao.DuplicateKeyException newerStored) {
            log.debug("Reminder {} already reflects a newer change", id); // the upsert met the newer one
        }
    }

    /** A cancellation calls the reminder off for good. */
    void cancel(String registrationId) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id")
                        .is(registrationId + ":" + TEMPLATE)
                        .and("status")
                        .is(Reminder.Status.SCHEDULED)),
                new Update().set("status", Reminder.Status.CANCELLED).set("settledAt", clock.instant()),
                Reminder.class);
        // one that never existed yet (the cancellation overtook the confirmation) is made cancelled
        mongo.upsert(
                Query.query(Criteria.where("_id").is(registrationId + ":" + TEMPLATE)),
                new Update()
                        .setOnInsert("status", Reminder.Status.CANCELLED)
                        .setOnInsert("registrationId", registrationId)
                        .setOnInsert("settledAt", clock.instant()),
                Reminder.class);
    }

    @Scheduled(fixedDelayString = "${motesdagen.mail.reminder.poll-interval:1m}")
    void sendDue() {
        sendDue(clock.instant());
    }

    /** Queues every reminder whose moment has come by {@code now}; public so a test can say when now is. */
    public int sendDue(Instant now) {
        int queued = 0;
        for (Reminder reminder : mongo.find(
                Query.query(Criteria.where("status")
                                .is(Reminder.Status.SCHEDULED)
                                .and("dueAt")
                                .lte(now))
                        .limit(500),
                Reminder.class)) {
            RegistrationEvents.Confirmed registration =
                    json.readValue(reminder.getRegistration(), RegistrationEvents.Confirmed.class);
            Reminder.Status outcome;
            String note = null;
            if (now.isAfter(reminder.getDueAt().plus(grace))) {
                outcome = Reminder.Status.SKIPPED;
                note = "found " + Duration.between(reminder.getDueAt(), now).toMinutes() + " min after its moment";
            } else if (unsubscribes.hasUnsubscribed(registration.contact().email())) {
                outcome = Reminder.Status.UNSUBSCRIBED;
            } else {
                Letter letter = RegistrationLetters.reminder(registration);
                mailbox.queue(reminder.getId(), letter, java.util.List::of, unsubscribes.link(letter.recipient()));
                outcome = Reminder.Status.QUEUED;
                queued++;
            }
            mongo.updateFirst(
                    Query.query(Criteria.where("_id")
                            .is(reminder.getId())
                            .and("status")
                            .is(Reminder.Status.SCHEDULED)),
                    new Update().set("status", outcome).set("settledAt", now).set("note", note),
                    Reminder.class);
            log.info("Reminder {}: {}{}", reminder.getId(), outcome, note == null ? "" : " (" + note + ")");
        }
        return queued;
    }
}
