package se.motesdagen.visit.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A company's wish for a visit by a politician and an official, as its registration last described it:
 * where, about what (the areas it ticked and its own words), when it can receive, and who will meet the
 * visitors ({@code meets}: null when it is the contact person). Keyed by the
 * registration id: one registration, one request, however often its events arrive.
 */
@Document("visitRequests")
public record VisitRequest(
        @Id String registrationId,
        @Indexed String dayId,
        String dayName,
        LocalDate dayDate,
        String companyName,
        String organisationNumber,
        String contactName,
        String contactEmail,
        String contactPhone,
        String address,
        String town,
        String topics,
        List<String> areas,
        List<Receivable> windows,
        List<Receivable> declined,
        String language,
        Status status,
        Instant requestedAt,
        Instant changedAt,
        String sourceMessageId,
        String meets) {

    public enum Status {
        REQUESTED,
        /** Visited: the report is written; not planned again. */
        VISITED,
        /** The company took the wish back, or cancelled its registration: not planned, and a published visit is cancelled. */
        WITHDRAWN,
        /** The registration was erased: nothing of the people is kept, and the request is not planned. */
        ERASED
    }

    /** A time the company can receive the visit. */
    public record Receivable(Instant from, Instant to) {}

    public List<String> areas() {
        return areas == null ? List.of() : areas;
    }

    public List<Receivable> windows() {
        return windows == null ? List.of() : windows;
    }

    /** The same request with those declined times. */
    VisitRequest declining(List<Receivable> times) {
        return new VisitRequest(
                registrationId,
                dayId,
                dayName,
                dayDate,
                companyName,
                organisationNumber,
                contactName,
                contactEmail,
                contactPhone,
                address,
                town,
                topics,
                areas,
                windows,
                List.copyOf(times),
                language,
                status,
                requestedAt,
                changedAt,
                sourceMessageId,
                meets);
    }

    /** The same request, first asked for at that moment (a change keeps when the wish was first made). */
    VisitRequest firstAskedFor(Instant at) {
        return new VisitRequest(
                registrationId,
                dayId,
                dayName,
                dayDate,
                companyName,
                organisationNumber,
                contactName,
                contactEmail,
                contactPhone,
                address,
                town,
                topics,
                areas,
                windows,
                declined,
                language,
                status,
                at,
                changedAt,
                sourceMessageId,
                meets);
    }

    /** Times the company was given and asked to change: not planned then again. */
    public List<Receivable> declined() {
        return declined == null ? List.of() : declined;
    }

    public String language() {
        return language == null ? "sv" : language;
    }
}
