package se.motesdagen.feedback.participant;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.motesdagen.feedback.survey.Invitations;
import se.motesdagen.feedback.vote.Votes;
import se.motesdagen.platform.messaging.IncomingEvents;

/** What the participants feature listens to, in one place. */
@Configuration(proxyBeanMethods = false)
class ParticipantSubscriptions {

    /**
     * RegistrationConfirmed → a participant to ask for feedback after the day; AttendanceRecorded → it
     * came, so it is asked (after a delay); RegistrationErased → the
     * participant is forgotten, and its survey invitations and ballots no longer name anyone (the answers and
     * votes stay). One consumer for both, so an erasure never overtakes its confirmation.
     */
    @Bean
    Consumer<Message<byte[]>> recordParticipant(
            IncomingEvents incoming, Participants participants, Invitations invitations, Votes votes) {
        return incoming.routes()
                .on(
                        RegistrationConfirmed.TYPE,
                        RegistrationConfirmed.class,
                        (event, confirmed) -> participants.record(confirmed, event.id()))
                .on(
                        RegistrationConfirmed.TYPE_V2,
                        RegistrationConfirmed.class,
                        (event, confirmed) -> participants.record(confirmed, event.id()))
                .on(
                        AttendanceRecorded.TYPE,
                        AttendanceRecorded.class,
                        (event, attendance) -> participants.attended(attendance))
                .on(RegistrationErased.TYPE, RegistrationErased.class, (event, erased) -> {
                    participants.erase(erased.registrationId());
                    invitations.forget(erased.registrationId());
                    votes.forget(erased.registrationId());
                })
                .consumer();
    }
}
