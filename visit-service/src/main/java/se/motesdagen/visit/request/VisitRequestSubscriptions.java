package se.motesdagen.visit.request;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.motesdagen.visit.system.messaging.IncomingEvents;
import tools.jackson.databind.json.JsonMapper;

/** What the visit requests feature listens to, in one place. */
@Configuration(proxyBeanMethods = false)
class VisitRequestSubscriptions {

    /** RegistrationConfirmed with a visit wish → a visit request for the planners. */
    @Bean
    Consumer<Message<byte[]>> requestVisit(IncomingEvents incoming, JsonMapper json, VisitRequests requests) {
        return message -> incoming.read(message, RegistrationConfirmed.TYPE)
                .ifPresent(event ->
                        requests.record(json.treeToValue(event.data(), RegistrationConfirmed.class), event.id()));
    }
}
