package se.motesdagen.feedback.participant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** This service's reading of {@code se.motesdagen.registration.attendance-recorded.v1}: which company came, when. */
@JsonIgnoreProperties(ignoreUnknown = true)
record AttendanceRecorded(String registrationId, Instant recordedAt) {

    static final String TYPE = "se.motesdagen.registration.attendance-recorded.v1";
}
