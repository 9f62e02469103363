package se.motesdagen.visit.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * This service's reading of the registration service's contract ({@code registration.events}): only
 * what a visit request needs. The contract calls the day an "event"; here it is the day.
 */
final class RegistrationContract {

    static final String CONFIRMED_V1 = "se.motesdagen.registration.confirmed.v1";
    /** v2 differs only in carrying the manage link sealed, which this service does not read. */
    static final String CONFIRMED_V2 = "se.motesdagen.registration.confirmed.v2";

    static final String UPDATED_V1 = "se.motesdagen.registration.updated.v1";
    static final String CANCELLED_V1 = "se.motesdagen.registration.cancelled.v1";
    static final String ERASED_V1 = "se.motesdagen.registration.erased.v1";
    static final String ACCESS_REQUESTED_V1 = "se.motesdagen.registration.access-requested.v1";
    static final String PERSON_ERASED_V1 = "se.motesdagen.registration.person-erased.v1";

    private RegistrationContract() {}

    /**
     * {@code confirmed.v1}, {@code confirmed.v2} and {@code updated.v1} (the same description of the
     * registration). {@code at()} is when the registration was confirmed or changed.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Confirmed(
            String registrationId,
            @JsonProperty("eventId") String dayId,
            @JsonProperty("eventName") String dayName,
            @JsonProperty("eventDate") LocalDate date,
            Company company,
            Contact contact,
            Visit visitRequest,
            String language,
            Instant confirmedAt,
            Instant updatedAt) {

        Instant at() {
            return updatedAt != null ? updatedAt : confirmedAt;
        }
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

    /** {@code cancelled.v1}: whose visit wish is void. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Cancelled(String registrationId, Instant cancelledAt) {}

    /** {@code erased.v1}: whose people are to be forgotten. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Erased(String registrationId) {}

    /** {@code access-requested.v1}: what to look for (the registrations found, and the address or number). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AccessRequested(String requestId, String email, String organisationNumber, List<String> registrationIds) {

        List<String> registrations() {
            return registrationIds == null ? List.of() : registrationIds;
        }
    }

    /** {@code person-erased.v1}: one person of the registration, by the key of their address. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PersonErased(String erasureId, String registrationId, String addressKey, boolean contact) {}
}
