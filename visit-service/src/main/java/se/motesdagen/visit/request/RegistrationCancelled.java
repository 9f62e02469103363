package se.motesdagen.visit.request;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** This service's reading of {@code se.motesdagen.registration.cancelled.v1}: whose visit wish is void. */
@JsonIgnoreProperties(ignoreUnknown = true)
record RegistrationCancelled(String registrationId, Instant cancelledAt) {

    static final String TYPE = "se.motesdagen.registration.cancelled.v1";
}
