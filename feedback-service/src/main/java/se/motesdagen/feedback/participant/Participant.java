package se.motesdagen.feedback.participant;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A company that takes part in a day, noted so it can be asked for feedback afterwards and told what
 * was done. Keyed by the registration id, so a repeated event changes nothing.
 */
@Document("participants")
public record Participant(
        @Id String registrationId,
        @Indexed String eventId,
        String eventName,
        String companyName,
        String contactName,
        String contactEmail,
        int attendees,
        String language,
        Instant confirmedAt,
        String sourceMessageId) {}
