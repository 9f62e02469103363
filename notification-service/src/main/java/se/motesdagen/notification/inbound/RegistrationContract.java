package se.motesdagen.notification.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * This service's own reading of the registration events it consumes: only the fields it uses. Unknown
 * fields are ignored, so additive changes to the contract never break it. The v2 events differ from v1
 * only in carrying their link sealed; {@link SealedLinks} opens it into the v1 field before they are read
 * into these records.
 */
public final class RegistrationContract {

    static final String SUBMITTED_V1 = "se.motesdagen.registration.submitted.v1";
    static final String CONFIRMED_V1 = "se.motesdagen.registration.confirmed.v1";
    static final String SUBMITTED_V2 = "se.motesdagen.registration.submitted.v2";
    static final String CONFIRMED_V2 = "se.motesdagen.registration.confirmed.v2";
    static final String CANCELLED_V1 = "se.motesdagen.registration.cancelled.v1";
    static final String UPDATED_V1 = "se.motesdagen.registration.updated.v1";
    static final String MANAGE_LINK_SENT_V1 = "se.motesdagen.registration.manage-link-sent.v1";
    static final String MANAGE_LINK_SENT_V2 = "se.motesdagen.registration.manage-link-sent.v2";
    static final String WAITLIST_PROMOTED_V1 = "se.motesdagen.registration.waitlist-promoted.v1";
    static final String ERASED_V1 = "se.motesdagen.registration.erased.v1";
    static final String ACCESS_REQUESTED_V1 = "se.motesdagen.registration.access-requested.v1";
    static final String PERSON_ERASED_V1 = "se.motesdagen.registration.person-erased.v1";

    private RegistrationContract() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Submitted(
            String registrationId,
            String eventName,
            LocalDate eventDate,
            String companyName,
            Person contact,
            String confirmationUrl,
            Instant confirmationExpiresAt,
            String language) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Confirmed(
            String registrationId,
            String eventId,
            String eventName,
            LocalDate eventDate,
            String eventLocation,
            Company company,
            Person contact,
            int attendees,
            List<Participant> participants,
            List<Session> sessions,
            List<Place> places,
            VisitRequest visitRequest,
            List<Answer> answers,
            String manageUrl,
            String checkInUrl,
            String language,
            Instant confirmedAt,
            Instant updatedAt) {

        Confirmed {
            participants = participants == null ? List.of() : participants;
            places = places == null ? List.of() : places;
            answers = answers == null ? List.of() : answers;
        }

        /** When the registration came to look like this: confirmed, or changed last. */
        public Instant changedAt() {
            return updatedAt != null ? updatedAt : confirmedAt;
        }

        /** The attendee's name, or null for one registered before attendees were named. */
        String nameOf(String attendeeId) {
            return participants.stream()
                    .filter(p -> p.attendeeId().equals(attendeeId))
                    .map(Participant::name)
                    .findFirst()
                    .orElse(null);
        }
    }

    /** An answer to one of the day's own questions: the company's (attendeeId null) or an attendee's. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(String questionId, String attendeeId, String question, String text) {}

    /** One of the people the company sends; absent in events from before attendees were named. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Participant(String attendeeId, String name) {}

    /** One attendee's seat or place in line; absent in events from before seats were given out. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Place(String sessionId, String attendeeId, String status, Integer waitingPosition) {

        boolean waiting() {
            return "waiting".equals(status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ManageLinkSent(
            String registrationId,
            String eventName,
            LocalDate eventDate,
            String companyName,
            Person contact,
            String manageUrl,
            String language) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Cancelled(
            String registrationId,
            String eventName,
            LocalDate eventDate,
            String companyName,
            Person contact,
            String language,
            Instant cancelledAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WaitlistPromoted(
            String registrationId,
            String eventId,
            String eventName,
            LocalDate eventDate,
            String eventLocation,
            Session session,
            String attendeeId,
            String attendeeName,
            String companyName,
            Person contact,
            String language,
            Instant promotedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Person(String name, String email) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Company(String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Session(String sessionId, String title, OffsetDateTime startsAt, OffsetDateTime endsAt, String room) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VisitRequest(String address, String topics) {}

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
