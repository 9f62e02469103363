package se.motesdagen.visit.request;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A company's wish for a visit by a politician and an official, as it came with its registration.
 * Keyed by the registration id: one registration, one request, however often the event arrives.
 */
@Document("visitRequests")
public record VisitRequest(
        @Id String registrationId,
        @Indexed String eventId,
        String eventName,
        String companyName,
        String organisationNumber,
        String contactName,
        String contactEmail,
        String contactPhone,
        String address,
        String topics,
        Status status,
        Instant requestedAt,
        String sourceMessageId) {

    public enum Status {
        REQUESTED,
        /** The registration was erased: nothing of the people is kept, and the request is not planned. */
        ERASED
    }
}
