package se.motesdagen.visit.request;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** This service's reading of {@code se.motesdagen.registration.confirmed.v1}: only what a visit request needs. */
@JsonIgnoreProperties(ignoreUnknown = true)
record RegistrationConfirmed(
        String registrationId,
        String eventId,
        String eventName,
        Company company,
        Contact contact,
        Visit visitRequest,
        Instant confirmedAt) {

    static final String TYPE = "se.motesdagen.registration.confirmed.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Company(String name, String organisationNumber) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Contact(String name, String email, String phone) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Visit(String address, String topics) {}
}
