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
     * A registration's life as far as its visit wish goes: confirmed with a wish → a request for the
     * planners; changed → the wish as it now reads, or withdrawn; cancelled → withdrawn; erased → nothing
     * of the people kept. One consumer for all, so they are handled in the order they happened.
     */
    @Bean
    Consumer<Message<byte[]>> requestVisit(IncomingEvents incoming, VisitRequests requests) {
        return incoming.routes()
                .on(
                        RegistrationConfirmed.TYPE,
                        RegistrationConfirmed.class,
                        (event, confirmed) -> requests.record(confirmed, event.id()))
                .on(
                        RegistrationConfirmed.TYPE_V2,
                        RegistrationConfirmed.class,
                        (event, confirmed) -> requests.record(confirmed, event.id()))
                .on(
                        RegistrationConfirmed.UPDATED_TYPE,
                        RegistrationConfirmed.class,
                        (event, updated) -> requests.update(updated, event.id()))
                .on(
                        RegistrationCancelled.TYPE,
                        RegistrationCancelled.class,
                        (event, cancelled) -> requests.cancel(cancelled))
                .on(
                        RegistrationErased.TYPE,
                        RegistrationErased.class,
                        (event, erased) -> requests.erase(erased.registrationId()))
                .consumer();
    }
}
