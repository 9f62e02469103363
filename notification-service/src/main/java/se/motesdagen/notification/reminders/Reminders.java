package se.motesdagen.notification.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import se.motesdagen.notification.mail.Letter;
import se.motesdagen.notification.mail.Mailbox;
import se.motesdagen.notification.unsubscribe.Unsubscribes;

/**
 * The reminders: before the day ({@code days-before} days before, at {@code at} Stockholm time, from a
 * confirmed registration) and on the morning of a visit ({@code visit-reminder.at}, from a scheduled
 * visit). Each is kept current by changes (a visit moved to another day is reminded of on that day),
 * called off by a cancellation, and never sent late as if on time: one made after its moment is
 * skipped, and one found more than {@code grace} after its moment (the service was down) is skipped too.
 *
 * <p>When several instances run, the one holding the job's lease (ReminderJob) goes through the due
 * reminders; should two ever overlap (a holder that stalled past its lease), each reminder becomes a
 * message whose id is the reminder's, so the second copy finds the message there and sends nothing.
 */
@Component
public class Reminders {

    public static final String TEMPLATE = "reminder";
    public static final String VISIT_TEMPLATE = "visit-reminder";
    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private final MongoOperations mongo;
    private final Mailbox mailbox;
    private final Unsubscribes unsubscribes;
    private final ReminderLetters letters;
    private final Clock clock;
    private final int daysBefore;
    private final LocalTime at;
    private final LocalTime visitAt;
    private final Duration grace;

    Reminders(
            MongoOperations mongo,
            Mailbox mailbox,
            Unsubscribes unsubscribes,
            ReminderLetters letters,
            Clock clock,
            @Value("${motesdagen.mail.reminder.days-before:2}") int daysBefore,
            @Value("${motesdagen.mail.reminder.at:09:00}") LocalTime at,
            @Value("${motesdagen.mail.visit-reminder.at:07:00}") LocalTime visitAt,
            @Value("${motesdagen.mail.reminder.grace:6h}") Duration grace) {
        this.mongo = mongo;
        this.mailbox = mailbox;
        this.unsubscribes = unsubscribes;
        this.letters = letters;
        this.clock = clock;
        this.daysBefore = daysBefore;
        this.at = at;
        this.visitAt = visitAt;
        this.grace = grace;
    }

    /**
     * A confirmation or a change of a registration: the reminder before the day, as of that change. The
     * payload is what {@link ReminderLetters} makes the letter from when it is due (no link in it).
     */
    public void beforeTheDay(String registrationId, LocalDate day, Instant asOf, String payload) {
        schedule(registrationId, registrationId, TEMPLATE, stockholm(day.minusDays(daysBefore), at), asOf, payload);
    }

    /** A visit given its time or moved: the reminder on the morning of the visit's day. */
    public void onTheMorningOf(String visitId, String registrationId, LocalDate day, Instant asOf, String payload) {
        schedule(visitId, registrationId, VISIT_TEMPLATE, stockholm(day, visitAt), asOf, payload);
    }

    /**
     * Makes the reminder, or brings it up to date unless this event is older than what it holds. A new
     * moment arms it again (a moved visit is reminded of on its new day, though the old day's reminder
     * went); the same moment leaves it as it is (a changed registration is not reminded of twice).
     */
    private void schedule(
            String owner, String registrationId, String template, Instant dueAt, Instant asOf, String payload) {
        String id = Reminder.idFor(owner, template);
        Instant now = clock.instant();
        Reminder existing = mongo.findById(id, Reminder.class);
        if (existing != null && existing.getStatus() == Reminder.Status.CANCELLED) {
            return;
        }
        boolean sameMoment = existing != null && dueAt.equals(existing.getDueAt());
        Criteria notNewer = new Criteria()
                .orOperator(
                        Criteria.where("asOf").lt(asOf), Criteria.where("asOf").exists(false));
        Criteria which = Criteria.where("_id").is(id).and("status").ne(Reminder.Status.CANCELLED);
        if (sameMoment) {
            which = which.and("dueAt").is(dueAt);
        }
        Update update = new Update()
                .set("payload", payload)
                .set("asOf", asOf)
                .set("dueAt", dueAt)
                .set("template", template)
                .set("owner", owner)
                .set("registrationId", registrationId)
                .setOnInsert("createdAt", now);
        if (!sameMoment) {
            boolean ahead = dueAt.isAfter(now);
            update.set("status", ahead ? Reminder.Status.SCHEDULED : Reminder.Status.SKIPPED)
                    .set("note", ahead ? null : "made after its moment")
                    .unset("settledAt");
        }
        try {
            mongo.upsert(Query.query(new Criteria().andOperator(which, notNewer)), update, Reminder.class);
        } catch (DuplicateKeyException newerOrCancelled) {
            log.debug("Reminder {} already reflects a newer change, or was called off", id);
        }
    }

    /**
     * A cancellation calls the reminder off for good, also one whose event has not come yet (it overtook
     * it). One atomic write: a reminder still waiting becomes CANCELLED, a missing one a CANCELLED
     * tombstone, one already settled (queued, skipped, unsubscribed) stays as it is. (Two writes, an update
     * then an insert-if-missing, lost a cancellation when the reminder was made between them.)
     */
    public void cancel(String owner, String template) {
        String id = Reminder.idFor(owner, template);
        Instant now = clock.instant();
        try {
            mongo.upsert(
                    Query.query(Criteria.where("_id")
                            .is(id)
                            .and("status")
                            .nin(Reminder.Status.QUEUED, Reminder.Status.SKIPPED, Reminder.Status.UNSUBSCRIBED)),
                    new Update()
                            .set("status", Reminder.Status.CANCELLED)
                            .set("settledAt", now)
                            .setOnInsert("owner", owner)
                            .setOnInsert("template", template),
                    Reminder.class);
        } catch (DuplicateKeyException alreadySettled) {
            log.debug("Reminder {} had already gone its way; nothing to call off", id);
        }
    }

    /** Erasure: the reminders of the registration go (the day's and its visit's), with the copy of the event they hold. */
    public void forget(String registrationId) {
        mongo.remove(
                Query.query(new Criteria()
                        .orOperator(
                                Criteria.where("owner").is(registrationId),
                                Criteria.where("registrationId").is(registrationId),
                                // a visit's reminder made before it named its registration: its copy of the event does
                                Criteria.where("template")
                                        .is(VISIT_TEMPLATE)
                                        .and("payload")
                                        .regex(Pattern.quote("\"registrationId\":\"" + registrationId + "\"")))),
                Reminder.class);
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
            Letter letter = letterFor(reminder);
            Reminder.Status outcome;
            String note = null;
            if (now.isAfter(reminder.getDueAt().plus(grace))) {
                outcome = Reminder.Status.SKIPPED;
                note = "found " + Duration.between(reminder.getDueAt(), now).toMinutes() + " min after its moment";
            } else if (unsubscribes.hasUnsubscribed(letter.recipient())) {
                outcome = Reminder.Status.UNSUBSCRIBED;
            } else {
                mailbox.queue(
                        reminder.getId() + ":" + reminder.getDueAt().getEpochSecond(),
                        letter,
                        unsubscribes.link(letter.recipient()));
                outcome = Reminder.Status.QUEUED;
                queued++;
            }
            mongo.updateFirst(
                    Query.query(Criteria.where("_id")
                            .is(reminder.getId())
                            .and("status")
                            .is(Reminder.Status.SCHEDULED)
                            .and("dueAt")
                            .is(reminder.getDueAt())),
                    new Update().set("status", outcome).set("settledAt", now).set("note", note),
                    Reminder.class);
            log.info("Reminder {}: {}{}", reminder.getId(), outcome, note == null ? "" : " (" + note + ")");
        }
        return queued;
    }

    private Letter letterFor(Reminder reminder) {
        return letters.letterFor(reminder.getTemplate(), reminder.getPayload())
                .orElseThrow(() -> new IllegalStateException("No letter for reminder " + reminder.getId()));
    }

    private static Instant stockholm(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(STOCKHOLM).toInstant();
    }
}
