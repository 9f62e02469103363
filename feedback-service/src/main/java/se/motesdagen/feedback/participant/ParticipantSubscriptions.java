package se.motesdagen.feedback.participant;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.motesdagen.feedback.system.messaging.IncomingEvents;
import tools.jackson.databind.json.JsonMapper;

/** What the participants feature listens to, in one place. */
@Configuration(proxyBeanMethods = false)
class ParticipantSubscriptions {

    /** RegistrationConfirmed → a participant to ask for feedback after the day. */
    @Bean
    Consumer<Message<byte[]>> recordParticipant(IncomingEvents incoming, JsonMapper json, Participants participants) {
        return message -> incoming.read(message, RegistrationConfirmed.TYPE)
                .ifPresent(event ->
                        participants.record(json.treeToValue(event.data(), RegistrationConfirmed.class), event.id()));
    }
}
