package se.motesdagen.feedback.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * This service's reading of the registration service's contract ({@code registration.events}): only
 * what a participant needs. The contract calls the day an "event"; here it is the day.
 */
final class RegistrationContract {

    static final String CONFIRMED_V1 = "se.motesdagen.registration.confirmed.v1";
    /** v2 differs only in carrying the manage link sealed, which this service does not read. */
    static final String CONFIRMED_V2 = "se.motesdagen.registration.confirmed.v2";

    static final String ATTENDANCE_RECORDED_V1 = "se.motesdagen.registration.attendance-recorded.v1";
    static final String ERASED_V1 = "se.motesdagen.registration.erased.v1";
    static final String ACCESS_REQUESTED_V1 = "se.motesdagen.registration.access-requested.v1";
    static final String PERSON_ERASED_V1 = "se.motesdagen.registration.person-erased.v1";

    private RegistrationContract() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Confirmed(
            String registrationId,
            @JsonProperty("eventId") String dayId,
            @JsonProperty("eventName") String dayName,
            @JsonProperty("eventDate") LocalDate date,
            Company company,
            Contact contact,
            int attendees,
            String language,
            String suggestion,
            Instant confirmedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Company(String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Contact(String name, String email) {}

    /** {@code attendance-recorded.v1}: which company came, when. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AttendanceRecorded(String registrationId, Instant recordedAt) {}

    /** {@code erased.v1}: whose people are to be forgotten. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Erased(String registrationId) {}

    /** {@code access-requested.v1}: the registrations found, and the address to look for (if any). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AccessRequested(String requestId, String email, List<String> registrationIds) {

        List<String> registrations() {
            return registrationIds == null ? List.of() : registrationIds;
        }
    }

    /** {@code person-erased.v1}: one person of the registration, by the key of their address. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PersonErased(String erasureId, String registrationId, String addressKey, boolean contact) {}
}
