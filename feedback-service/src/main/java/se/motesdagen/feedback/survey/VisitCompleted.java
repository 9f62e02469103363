package se.motesdagen.feedback.survey;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.OffsetDateTime;

/** This service's reading of {@code se.motesdagen.visit.completed.v1}: which company to ask, about which visit. */
@JsonIgnoreProperties(ignoreUnknown = true)
record VisitCompleted(
        String visitId, String registrationId, String companyName, OffsetDateTime startsAt, Instant completedAt) {

    static final String TYPE = "se.motesdagen.visit.completed.v1";
}
