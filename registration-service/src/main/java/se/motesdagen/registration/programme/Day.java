package se.motesdagen.registration.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One business-dialogue day with its programme: what people register for. Called a day, not an
 * event, because "event" here means a message on Kafka. The id is the slug used in public addresses
 * ({@code stora-motesdagen-2027}), so links in e-mails and printed invitations stay readable; the
 * contracts and the API call it {@code eventId}, which stays for compatibility. Stored in the
 * collection {@code events}, so existing data is kept.
 */
@Document("days")
public record Day(
        @Id String id,
        String name,
        LocalDate date,
        LocalTime opensAt,
        LocalTime closesAt,
        String location,
        String description,
        List<Session> sessions,
        Instant registrationOpens,
        Instant registrationCloses,
        Boolean published,
        Boolean visitsOnly,
        List<Question> questions) {

    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    /** The most questions a day's form may have, removed ones included. */
    public static final int MAX_QUESTIONS = 40;

    public Day {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    /** A day without questions of its own. */
    public Day(
            String id,
            String name,
            LocalDate date,
            LocalTime opensAt,
            LocalTime closesAt,
            String location,
            String description,
            List<Session> sessions,
            Instant registrationOpens,
            Instant registrationCloses,
            Boolean published,
            Boolean visitsOnly) {
        this(
                id,
                name,
                date,
                opensAt,
                closesAt,
                location,
                description,
                sessions,
                registrationOpens,
                registrationCloses,
                published,
                visitsOnly,
                List.of());
    }

    /** A published day (days stored before drafts existed have no mark and count as published). */
    public Day(
            String id,
            String name,
            LocalDate date,
            LocalTime opensAt,
            LocalTime closesAt,
            String location,
            String description,
            List<Session> sessions,
            Instant registrationOpens,
            Instant registrationCloses) {
        this(
                id,
                name,
                date,
                opensAt,
                closesAt,
                location,
                description,
                sessions,
                registrationOpens,
                registrationCloses,
                null,
                null);
    }

    /**
     * A day of company visits only: no dialogue sessions; a company registers to be visited, and names
     * who will be there.
     */
    public boolean isVisitsOnly() {
        return visitsOnly != null && visitsOnly;
    }

    /** Whether the public sees the day; a draft is seen only by staff. */
    public boolean isPublished() {
        return published == null || published;
    }

    public Day withSessions(List<Session> sessions) {
        return new Day(
                id,
                name,
                date,
                opensAt,
                closesAt,
                location,
                description,
                sessions,
                registrationOpens,
                registrationCloses,
                published,
                visitsOnly,
                questions);
    }

    public Day withQuestions(List<Question> questions) {
        return new Day(
                id,
                name,
                date,
                opensAt,
                closesAt,
                location,
                description,
                sessions,
                registrationOpens,
                registrationCloses,
                published,
                visitsOnly,
                questions);
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    /** The questions the form asks now, in their order: the removed ones are only in the exports. */
    public List<Question> askedQuestions() {
        return questions.stream().filter(q -> !q.removed()).toList();
    }

    public Optional<Session> session(String sessionId) {
        return sessions.stream().filter(s -> s.id().equals(sessionId)).findFirst();
    }

    /** Where registration stands at this moment; a missing bound means no limit on that side. */
    public Registering registering(Instant now) {
        if (registrationOpens != null && now.isBefore(registrationOpens)) {
            return Registering.NOT_YET_OPEN;
        }
        if (registrationCloses != null && !now.isBefore(registrationCloses)) {
            return Registering.CLOSED;
        }
        return Registering.OPEN;
    }

    public enum Registering {
        NOT_YET_OPEN,
        OPEN,
        CLOSED
    }

    public ZonedDateTime at(LocalTime time) {
        return ZonedDateTime.of(date, time, ZONE);
    }

    /**
     * A dialogue session of the day; capacity counts seats, one per attendee. The track groups sessions
     * on one theme (optional).
     */
    public record Session(
            String id,
            String title,
            String description,
            LocalTime startsAt,
            LocalTime endsAt,
            String room,
            int capacity,
            String track) {

        public Session(
                String id,
                String title,
                String description,
                LocalTime startsAt,
                LocalTime endsAt,
                String room,
                int capacity) {
            this(id, title, description, startsAt, endsAt, room, capacity, null);
        }
    }
}
