package se.motesdagen.feedback.participant;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A company that takes part in a day, noted so it can be asked for feedback afterwards and told what
 * was done: when someone of it was checked in ({@code attendedAt}) and when it was asked about the day
 * ({@code daySurveyAt}). Keyed by the registration id, so a repeated event changes nothing.
 */
@Document("participants")
public record Participant(
        @Id String registrationId,
        @Indexed String dayId,
        String dayName,
        LocalDate dayDate,
        String companyName,
        String contactName,
        String contactEmail,
        int attendees,
        String language,
        Instant confirmedAt,
        String sourceMessageId,
        @Indexed(sparse = true) Instant attendedAt,
        Instant daySurveyAt) {}
