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
@Document("events")
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
        Instant registrationCloses) {

    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    public Day {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
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

    /** A dialogue session of the day; capacity counts seats, one per attendee. */
    public record Session(
            String id,
            String title,
            String description,
            LocalTime startsAt,
            LocalTime endsAt,
            String room,
            int capacity) {}
}
