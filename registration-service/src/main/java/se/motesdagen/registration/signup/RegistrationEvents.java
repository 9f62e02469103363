package se.motesdagen.registration.signup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.motesdagen.platform.outbox.Outbox;
import se.motesdagen.platform.security.LinkSeal;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.seats.Placement;

/**
 * The integration events a registration publishes, one record per contract version, matching the
 * schemas in {@code contracts/}: each method records one in the registration's outbox, so it goes out
 * with the save of the change. Only the fields each consumer needs leave the service.
 */
@Component
public class RegistrationEvents {

    static final String SUBMITTED_V2 = "se.motesdagen.registration.submitted.v2";
    static final String CONFIRMED_V2 = "se.motesdagen.registration.confirmed.v2";
    static final String CANCELLED_V1 = "se.motesdagen.registration.cancelled.v1";
    static final String ATTENDANCE_RECORDED_V1 = "se.motesdagen.registration.attendance-recorded.v1";
    static final String ERASED_V1 = "se.motesdagen.registration.erased.v1";
    static final String PERSON_ERASED_V1 = "se.motesdagen.registration.person-erased.v1";
    static final String UPDATED_V1 = "se.motesdagen.registration.updated.v1";
    static final String MANAGE_LINK_SENT_V2 = "se.motesdagen.registration.manage-link-sent.v2";

    private final Outbox outbox;
    private final LinkSeal seal;
    private final String publicBaseUrl;

    RegistrationEvents(Outbox outbox, LinkSeal seal, @Value("${motesdagen.public-base-url}") String publicBaseUrl) {
        this.outbox = outbox;
        this.seal = seal;
        this.publicBaseUrl = publicBaseUrl;
    }

    public void submitted(Registration registration, Day day, String confirmationUrl) {
        var body = new RegistrationSubmittedV2(
                registration.getId(),
                day.id(),
                day.name(),
                day.date(),
                registration.getCompany().name(),
                contactOf(registration),
                seal.seal(confirmationUrl, registration.getId()),
                registration.getConfirmationExpiresAt(),
                registration.getLanguage(),
                registration.getSubmittedAt());
        record(SUBMITTED_V2, registration, body);
    }

    /** Not when the contact person was erased: there is nobody to invite to the survey. */
    public void attendanceRecorded(Registration registration, Day day, String attendeeId, Instant at) {
        if (!reachable(registration)) {
            return;
        }
        var body = new AttendanceRecordedV1(
                registration.getId(),
                day.id(),
                day.name(),
                day.date(),
                registration.getCompany().name(),
                registration.getCompany().organisationNumber(),
                contactOf(registration),
                attendeeId,
                registration.getLanguage(),
                at);
        record(ATTENDANCE_RECORDED_V1, registration, body);
    }

    public void erased(Registration registration, String reason) {
        var body = new RegistrationErasedV1(
                registration.getId(), registration.getDayId(), reason, registration.getErasedAt());
        record(ERASED_V1, registration, body);
    }

    /** One person erased from a registration that stays: named by the key of their address, never the address. */
    public void personErased(Registration registration, Registration.PersonErasure erasure) {
        var body = new PersonErasedV1(
                erasure.id(), registration.getId(), erasure.addressKey(), erasure.contact(), erasure.at());
        record(PERSON_ERASED_V1, registration, body);
    }

    /** Not when the contact person was erased: there is nobody to send it to. */
    public void manageLinkSent(Registration registration, Day day, String manageUrl, Instant at) {
        if (!reachable(registration)) {
            return;
        }
        var body = new ManageLinkSentV2(
                registration.getId(),
                day.id(),
                day.name(),
                day.date(),
                registration.getCompany().name(),
                contactOf(registration),
                seal.seal(manageUrl, registration.getId()),
                "registered-again",
                registration.getLanguage(),
                at);
        record(MANAGE_LINK_SENT_V2, registration, body);
    }

    /**
     * The registration as it stands after a change from the manage link: the same picture as
     * RegistrationConfirmed, so a consumer replaces what it had, plus what changed.
     */
    public void updated(Registration registration, Day day, List<Placement> placements, List<String> changes) {
        Instant at = registration.getChangedAt();
        var confirmed = confirmedBody(registration, day, placements, null);
        var body = new RegistrationUpdatedV1(
                confirmed.registrationId(),
                confirmed.eventId(),
                confirmed.eventName(),
                confirmed.eventDate(),
                confirmed.eventLocation(),
                confirmed.company(),
                confirmed.contact(),
                confirmed.attendees(),
                confirmed.participants(),
                confirmed.sessions(),
                confirmed.places(),
                confirmed.visitRequest(),
                confirmed.answers(),
                changes,
                confirmed.language(),
                at);
        record(UPDATED_V1, registration, body);
    }

    record RegistrationUpdatedV1(
            String registrationId,
            String eventId,
            String eventName,
            LocalDate eventDate,
            String eventLocation,
            CompanyV1 company,
            ContactV1 contact,
            int attendees,
            List<ParticipantV1> participants,
            List<SessionV1> sessions,
            List<PlaceV1> places,
            VisitRequestV1 visitRequest,
            List<AnswerV1> answers,
            List<String> changes,
            String language,
            Instant updatedAt) {}

    public void cancelled(Registration registration, Day day) {
        var body = new RegistrationCancelledV1(
                registration.getId(),
                day.id(),
                day.name(),
                day.date(),
                registration.getCompany().name(),
                contactOf(registration),
                registration.getLanguage(),
                registration.getCancelledAt());
        record(CANCELLED_V1, registration, body);
    }

    public void confirmed(Registration registration, Day day, List<Placement> placements, String manageUrl) {
        var body = confirmedBody(registration, day, placements, seal.seal(manageUrl, registration.getId()));
        record(CONFIRMED_V2, registration, body);
    }

    private RegistrationConfirmedV2 confirmedBody(
            Registration registration, Day day, List<Placement> placements, String manageLink) {
        var sessions = registration.getSessionIds().stream()
                .flatMap(id -> day.session(id).stream())
                .map(s -> new SessionV1(
                        s.id(),
                        s.title(),
                        day.at(s.startsAt()).toOffsetDateTime(),
                        day.at(s.endsAt()).toOffsetDateTime()))
                .toList();
        var visit = registration.getVisitRequest() == null
                ? null
                : new VisitRequestV1(
                        registration.getVisitRequest().address(),
                        registration.getVisitRequest().topics(),
                        registration.getVisitRequest().areas(),
                        registration.getVisitRequest().windows().stream()
                                .map(w -> new WindowV1(
                                        w.code(),
                                        day.at(w.from()).toOffsetDateTime(),
                                        day.at(w.to()).toOffsetDateTime()))
                                .toList(),
                        registration.getVisitRequest().meets());
        return new RegistrationConfirmedV2(
                registration.getId(),
                day.id(),
                day.name(),
                day.date(),
                day.location(),
                new CompanyV1(
                        registration.getCompany().name(),
                        registration.getCompany().organisationNumber(),
                        registration.getCompany().soleTrader(),
                        registration.getAddress() == null
                                ? null
                                : new AddressV1(
                                        registration.getAddress().street(),
                                        registration.getAddress().postalCode(),
                                        registration.getAddress().town()),
                        registration.getSniSection() == null
                                ? null
                                : registration.getSniSection().name()),
                new ContactV1(
                        registration.getContact().name(),
                        registration.getContact().email(),
                        registration.getContact().phone()),
                registration.getAttendees(),
                registration.getParticipants().stream()
                        .map(p -> new ParticipantV1(p.id(), p.name(), p.role(), p.sessionIds()))
                        .toList(),
                sessions,
                placements.stream()
                        .map(p -> new PlaceV1(
                                p.sessionId(), p.attendeeId(), p.waiting() ? "waiting" : "seated", p.waitingPosition()))
                        .toList(),
                visit,
                registration.getAnswers().stream()
                        .map(a -> new AnswerV1(a.questionId(), a.attendeeId(), a.question(), a.values(), a.text()))
                        .toList(),
                registration.getSuggestion(),
                manageLink,
                publicBaseUrl + "/personal/anmalningar/" + registration.getId(),
                registration.getLanguage(),
                registration.getConfirmedAt());
    }

    /** One event of the registration, keyed by its id so a registration's events stay in order. */
    private void record(String type, Registration registration, Object body) {
        outbox.record(registration, type, registration.getId(), body);
    }

    /** Whether the registration still has a contact person to mail (none once erased). */
    private static boolean reachable(Registration registration) {
        return registration.getContact() != null && registration.getContact().email() != null;
    }

    private static SubmitterV1 contactOf(Registration registration) {
        return new SubmitterV1(
                registration.getContact().name(), registration.getContact().email());
    }

    /** The confirm link goes sealed for the notification service: nothing else that reads or keeps the event can use it. */
    record RegistrationSubmittedV2(
            String registrationId,
            String eventId,
            String eventName,
            LocalDate eventDate,
            String companyName,
            SubmitterV1 contact,
            String confirmationLink,
            Instant confirmationExpiresAt,
            String language,
            Instant submittedAt) {}

    /** The manage link goes sealed, as in RegistrationSubmittedV2. */
    record RegistrationConfirmedV2(
            String registrationId,
            String eventId,
            String eventName,
            LocalDate eventDate,
            String eventLocation,
            CompanyV1 company,
            ContactV1 contact,
            int attendees,
            List<ParticipantV1> participants,
            List<SessionV1> sessions,
            List<PlaceV1> places,
            VisitRequestV1 visitRequest,
            List<AnswerV1> answers,
            String suggestion,
            String manageLink,
            String checkInUrl,
            String language,
            Instant confirmedAt) {}

    /** One attendee was there: feedback invites the contact afterwards. */
    record AttendanceRecordedV1(
            String registrationId,
            String eventId,
            String eventName,
            LocalDate eventDate,
            String companyName,
            String organisationNumber,
            SubmitterV1 contact,
            String attendeeId,
            String language,
            Instant recordedAt) {}

    /** The registered contact's new manage link, because somebody tried to register the company again. */
    record ManageLinkSentV2(
            String registrationId,
            String eventId,
            String eventName,
            LocalDate eventDate,
            String companyName,
            SubmitterV1 contact,
            String manageLink,
            String reason,
            String language,
            Instant sentAt) {}

    /** Nothing personal: every consumer removes what it keeps about the registration. */
    record RegistrationErasedV1(String registrationId, String eventId, String reason, Instant erasedAt) {}

    record PersonErasedV1(
            String erasureId, String registrationId, String addressKey, boolean contact, Instant erasedAt) {}

    record RegistrationCancelledV1(
            String registrationId,
            String eventId,
            String eventName,
            LocalDate eventDate,
            String companyName,
            SubmitterV1 contact,
            String language,
            Instant cancelledAt) {}

    /** Never the personnummer of a sole trader: organisationNumber is then null. */
    record CompanyV1(
            String name, String organisationNumber, boolean soleTrader, AddressV1 address, String sniSection) {}

    record AddressV1(String street, String postalCode, String town) {}

    record SubmitterV1(String name, String email) {}

    record ContactV1(String name, String email, String phone) {}

    record SessionV1(String sessionId, String title, OffsetDateTime startsAt, OffsetDateTime endsAt) {}

    record VisitRequestV1(String address, String topics, List<VisitArea> areas, List<WindowV1> windows, String meets) {}

    /** A part of the day the company would rather be visited in, as times on the day. */
    record WindowV1(String code, OffsetDateTime from, OffsetDateTime to) {}

    /** One of the people the company sends; their needs (food, access) stay in this service. */
    record ParticipantV1(String attendeeId, String name, String role, List<String> sessionIds) {}

    /** One attendee's place in one session when the registration was confirmed. */
    /** An answer to one of the day's own questions, with the wording it was given to; attendeeId null for the company's. */
    record AnswerV1(String questionId, String attendeeId, String question, List<String> values, String text) {}

    record PlaceV1(String sessionId, String attendeeId, String status, Integer waitingPosition) {}
}
