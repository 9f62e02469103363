package se.motesdagen.registration.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.motesdagen.platform.messaging.IncomingEvents;
import se.motesdagen.platform.outbox.AccessAnswers.Held;
import se.motesdagen.registration.access.AccessRequests;
import se.motesdagen.registration.erasure.Erasure;

/**
 * Reads what the three other services say about personal data ({@code visit.events}, {@code
 * notification.events}, {@code feedback.events}), one consumer each: that they erased what they held of
 * a registration's people, or of one person of it (the registration's page shows an erasure complete
 * once all three have), and their answers to an access request (gathered into one document).
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataReader {

    private final IncomingEvents incoming;
    private final Erasure erasure;
    private final AccessRequests accessRequests;

    PersonalDataReader(IncomingEvents incoming, Erasure erasure, AccessRequests accessRequests) {
        this.incoming = incoming;
        this.erasure = erasure;
        this.accessRequests = accessRequests;
    }

    @Bean
    Consumer<Message<byte[]>> visitPersonalData() {
        return of(
                "visit",
                "se.motesdagen.visit.registration-erased.v1",
                "se.motesdagen.visit.person-erased.v1",
                "se.motesdagen.visit.access-answered.v1");
    }

    @Bean
    Consumer<Message<byte[]>> mailPersonalData() {
        return of(
                "notification",
                "se.motesdagen.notification.registration-erased.v1",
                "se.motesdagen.notification.person-erased.v1",
                "se.motesdagen.notification.access-answered.v1");
    }

    @Bean
    Consumer<Message<byte[]>> feedbackPersonalData() {
        return of(
                "feedback",
                "se.motesdagen.feedback.registration-erased.v1",
                "se.motesdagen.feedback.person-erased.v1",
                "se.motesdagen.feedback.access-answered.v1");
    }

    /** One service's erasure confirmations (of a registration, of one person) and access answers, in order. */
    private Consumer<Message<byte[]>> of(String service, String erased, String personErased, String answered) {
        return incoming.routes()
                .on(
                        erased,
                        Confirmation.class,
                        (event, confirmed) ->
                                erasure.confirmedBy(service, confirmed.registrationId(), confirmed.erasedAt()))
                .on(
                        personErased,
                        PersonConfirmation.class,
                        (event, confirmed) -> erasure.personConfirmedBy(
                                service, confirmed.registrationId(), confirmed.erasureId(), confirmed.erasedAt()))
                .on(
                        answered,
                        Answer.class,
                        (event, answer) -> accessRequests.answered(
                                service, answer.requestId(), answer.answeredAt(), answer.records()))
                .consumer();
    }

    /** This service's reading of the three erasure confirmations: the same two fields in each. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Confirmation(String registrationId, Instant erasedAt) {}

    /** This service's reading of the three confirmations that one person was erased. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PersonConfirmation(String erasureId, String registrationId, Instant erasedAt) {}

    /** This service's reading of the three access answers: the records as the platform shapes them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(String requestId, Instant answeredAt, List<Held> records) {}
}
