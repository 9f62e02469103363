package se.motesdagen.feedback.inbound;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.motesdagen.feedback.access.FeedbackAccess;
import se.motesdagen.feedback.erasure.RegistrationErasure;
import se.motesdagen.feedback.inbound.RegistrationContract.Confirmed;
import se.motesdagen.feedback.participant.Participant;
import se.motesdagen.feedback.participant.Participants;
import se.motesdagen.platform.messaging.IncomingEvents;

/** Reads the registration service's contract: who takes part, who came, and who is to be forgotten. */
@Configuration(proxyBeanMethods = false)
class RegistrationEventsReader {

    /**
     * RegistrationConfirmed → a participant to ask for feedback after the day (and its suggestion a
     * proposal); AttendanceRecorded → it came, so it is asked (after a delay); RegistrationErased → the
     * participant is forgotten, and its survey invitations and ballots no longer name anyone (the answers
     * and votes stay), then confirmed (RegistrationErasure); PersonErased → the same for one person; AccessRequested → what this service holds about
     * them, answered once (FeedbackAccess). One consumer for all, so an erasure never overtakes its
     * confirmation.
     */
    @Bean
    Consumer<Message<byte[]>> recordParticipant(
            IncomingEvents incoming, Participants participants, RegistrationErasure erasure, FeedbackAccess access) {
        return incoming.routes()
                .on(
                        RegistrationContract.CONFIRMED_V1,
                        Confirmed.class,
                        (event, confirmed) ->
                                participants.record(participant(confirmed, event.id()), confirmed.suggestion()))
                .on(
                        RegistrationContract.CONFIRMED_V2,
                        Confirmed.class,
                        (event, confirmed) ->
                                participants.record(participant(confirmed, event.id()), confirmed.suggestion()))
                .on(
                        RegistrationContract.ATTENDANCE_RECORDED_V1,
                        RegistrationContract.AttendanceRecorded.class,
                        (event, attendance) ->
                                participants.attended(attendance.registrationId(), attendance.recordedAt()))
                .on(
                        RegistrationContract.ERASED_V1,
                        RegistrationContract.Erased.class,
                        (event, erased) -> erasure.forget(erased.registrationId()))
                .on(
                        RegistrationContract.PERSON_ERASED_V1,
                        RegistrationContract.PersonErased.class,
                        (event, erased) -> erasure.forgetPerson(
                                erased.erasureId(), erased.registrationId(), erased.addressKey(), erased.contact()))
                .on(
                        RegistrationContract.ACCESS_REQUESTED_V1,
                        RegistrationContract.AccessRequested.class,
                        (event, asked) -> access.answer(asked.requestId(), asked.email(), asked.registrations()))
                .consumer();
    }

    private static Participant participant(Confirmed confirmed, String sourceMessageId) {
        return new Participant(
                confirmed.registrationId(),
                confirmed.dayId(),
                confirmed.dayName(),
                confirmed.date(),
                confirmed.company().name(),
                confirmed.contact().name(),
                confirmed.contact().email(),
                confirmed.attendees(),
                confirmed.language(),
                confirmed.confirmedAt(),
                sourceMessageId,
                null,
                null);
    }
}
