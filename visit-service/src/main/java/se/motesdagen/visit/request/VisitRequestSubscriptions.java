package se.motesdagen.visit.request;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.motesdagen.platform.messaging.IncomingEvents;

/** What the visit requests feature listens to, in one place. */
@Configuration(proxyBeanMethods = false)
class VisitRequestSubscriptions {

    /**
     * RegistrationConfirmed with a visit wish → a visit request for the planners; RegistrationErased →
     * the request keeps nothing of the people. One consumer for both, so an erasure is never handled
     * before the confirmation it follows.
     */
    @Bean
    Consumer<Message<byte[]>> requestVisit(IncomingEvents incoming, VisitRequests requests) {
        return incoming.routes()
                .on(
                        RegistrationConfirmed.TYPE,
                        RegistrationConfirmed.class,
                        (event, confirmed) -> requests.record(confirmed, event.id()))
                .on(
                        RegistrationErased.TYPE,
                        RegistrationErased.class,
                        (event, erased) -> requests.erase(erased.registrationId()))
                .consumer();
    }
}
