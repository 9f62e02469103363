package se.motesdagen.visit.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.motesdagen.platform.messaging.IncomingEvents;
import se.motesdagen.visit.host.Hosts;

/**
 * Reads the notification service's contract ({@code notification.events}) for one thing: its
 * confirmation that it erased the mails to an erased host, shown beside the erasure on the roster page.
 */
@Configuration(proxyBeanMethods = false)
class NotificationEventsReader {

    static final String HOST_ERASED_V1 = "se.motesdagen.notification.host-erased.v1";

    @Bean
    Consumer<Message<byte[]>> recordHostErasure(IncomingEvents incoming, Hosts hosts) {
        return incoming.consumer(
                HOST_ERASED_V1,
                HostErasureConfirmed.class,
                (event, confirmed) ->
                        hosts.erasureConfirmedBy("notification", confirmed.erasureId(), confirmed.erasedAt()));
    }

    /** This service's reading of {@code notification.host-erased.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record HostErasureConfirmed(String erasureId, Instant erasedAt) {}
}
