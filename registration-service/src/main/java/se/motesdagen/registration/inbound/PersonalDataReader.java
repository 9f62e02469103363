package se.motesdagen.registration.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import se.motesdagen.platform.messaging.IncomingEvents;
import se.motesdagen.platform.outbox.AccessAnswers.Held;
import se.motesdagen.registration.access.AccessRequests;
import se.motesdagen.registration.erasure.Erasure;

/**
 * Reads what the three other services say about personal data ({@code visit.events}, {@code
 * notification.events}, {@code feedback.events}), in each topic's one consumer ({@link InboundTopics}): that they erased what they held of
 * a registration's people, or of one person of it (the registration's page shows an erasure complete
 * once all three have), and their answers to an access request (gathered into one document).
 */
@Component
class PersonalDataReader {

    private final Erasure erasure;
    private final AccessRequests accessRequests;

    PersonalDataReader(Erasure erasure, AccessRequests accessRequests) {
        this.erasure = erasure;
        this.accessRequests = accessRequests;
    }

    /**
     * One service's erasure confirmations (of a registration, of one person) and access answers, added to
     * the consumer of its topic, where they come in order with its other events.
     *
     * @param service {@code visit}, {@code notification} or {@code feedback}
     */
    IncomingEvents.Routes of(IncomingEvents.Routes routes, String service) {
        return switch (service) {
            case "visit" ->
                of(
                        routes,
                        service,
                        "se.motesdagen.visit.registration-erased.v1",
                        "se.motesdagen.visit.person-erased.v1",
                        "se.motesdagen.visit.access-answered.v1");
            case "notification" ->
                of(
                        routes,
                        service,
                        "se.motesdagen.notification.registration-erased.v1",
                        "se.motesdagen.notification.person-erased.v1",
                        "se.motesdagen.notification.access-answered.v1");
            case "feedback" ->
                of(
                        routes,
                        service,
                        "se.motesdagen.feedback.registration-erased.v1",
                        "se.motesdagen.feedback.person-erased.v1",
                        "se.motesdagen.feedback.access-answered.v1");
            default -> throw new IllegalArgumentException("No personal-data events are read from " + service);
        };
    }

    private IncomingEvents.Routes of(
            IncomingEvents.Routes routes, String service, String erased, String personErased, String answered) {
        return routes.on(
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
                                service, answer.requestId(), answer.answeredAt(), answer.records()));
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
