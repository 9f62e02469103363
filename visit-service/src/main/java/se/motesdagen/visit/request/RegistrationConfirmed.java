package se.motesdagen.visit.request;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * This service's reading of {@code se.motesdagen.registration.confirmed.v1} (and v2) and
 * {@code se.motesdagen.registration.updated.v1} (the same description of the registration): only what a
 * visit request needs. {@code at} is when the registration was confirmed or changed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RegistrationConfirmed(
        String registrationId,
        String eventId,
        String eventName,
        LocalDate eventDate,
        Company company,
        Contact contact,
        Visit visitRequest,
        String language,
        Instant confirmedAt,
        Instant updatedAt) {

    static final String TYPE = "se.motesdagen.registration.confirmed.v1";

    /** v2 differs only in carrying the manage link sealed, which this service does not read. */
    static final String TYPE_V2 = "se.motesdagen.registration.confirmed.v2";

    static final String UPDATED_TYPE = "se.motesdagen.registration.updated.v1";

    Instant at() {
        return updatedAt != null ? updatedAt : confirmedAt;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Company(String name, String organisationNumber, Address address) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Address(String street, String postalCode, String town) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Contact(String name, String email, String phone) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Visit(String address, String topics, List<String> areas, List<Window> windows, String meets) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Window(OffsetDateTime from, OffsetDateTime to) {}
}
