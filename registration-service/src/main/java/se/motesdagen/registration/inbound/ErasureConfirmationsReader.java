package se.motesdagen.registration.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.motesdagen.platform.messaging.IncomingEvents;
import se.motesdagen.registration.erasure.Erasure;

/**
 * Reads the three services' confirmations that they erased what they held of a registration's people
 * ({@code visit.events}, {@code notification.events}, {@code feedback.events}), one consumer each: the
 * registration's page shows the erasure complete once all three have said so.
 */
@Configuration(proxyBeanMethods = false)
class ErasureConfirmationsReader {

    static final String VISIT_ERASED_V1 = "se.motesdagen.visit.registration-erased.v1";
    static final String NOTIFICATION_ERASED_V1 = "se.motesdagen.notification.registration-erased.v1";
    static final String FEEDBACK_ERASED_V1 = "se.motesdagen.feedback.registration-erased.v1";

    private final IncomingEvents incoming;
    private final Erasure erasure;

    ErasureConfirmationsReader(IncomingEvents incoming, Erasure erasure) {
        this.incoming = incoming;
        this.erasure = erasure;
    }

    @Bean
    Consumer<Message<byte[]>> recordVisitErasure() {
        return incoming.consumer(
                VISIT_ERASED_V1,
                Confirmation.class,
                (event, confirmed) -> erasure.confirmedBy("visit", confirmed.registrationId(), confirmed.erasedAt()));
    }

    @Bean
    Consumer<Message<byte[]>> recordMailErasure() {
        return incoming.consumer(
                NOTIFICATION_ERASED_V1,
                Confirmation.class,
                (event, confirmed) ->
                        erasure.confirmedBy("notification", confirmed.registrationId(), confirmed.erasedAt()));
    }

    @Bean
    Consumer<Message<byte[]>> recordFeedbackErasure() {
        return incoming.consumer(
                FEEDBACK_ERASED_V1,
                Confirmation.class,
                (event, confirmed) ->
                        erasure.confirmedBy("feedback", confirmed.registrationId(), confirmed.erasedAt()));
    }

    /** This service's reading of the three confirmations: the same two fields in each. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Confirmation(String registrationId, Instant erasedAt) {}
}
