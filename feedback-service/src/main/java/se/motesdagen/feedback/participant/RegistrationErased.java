package se.motesdagen.feedback.participant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** This service's reading of {@code se.motesdagen.registration.erased.v1}: which registration's people to forget. */
@JsonIgnoreProperties(ignoreUnknown = true)
record RegistrationErased(String registrationId) {

    static final String TYPE = "se.motesdagen.registration.erased.v1";
}
