package se.motesdagen.feedback.participant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** This service's reading of {@code se.motesdagen.registration.confirmed.v1} (and v2): only what a participant needs. */
@JsonIgnoreProperties(ignoreUnknown = true)
record RegistrationConfirmed(
        String registrationId,
        String eventId,
        String eventName,
        java.time.LocalDate eventDate,
        Company company,
        Contact contact,
        int attendees,
        String language,
        String suggestion,
        Instant confirmedAt) {

    static final String TYPE = "se.motesdagen.registration.confirmed.v1";

    /** v2 differs only in carrying the manage link sealed, which this service does not read. */
    static final String TYPE_V2 = "se.motesdagen.registration.confirmed.v2";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Company(String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Contact(String name, String email) {}
}
