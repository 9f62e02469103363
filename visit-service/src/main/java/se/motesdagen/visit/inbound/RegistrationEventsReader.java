package se.motesdagen.visit.inbound;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.motesdagen.platform.messaging.IncomingEvents;
import se.motesdagen.visit.access.VisitAccess;
import se.motesdagen.visit.inbound.RegistrationContract.Confirmed;
import se.motesdagen.visit.request.VisitRequest;
import se.motesdagen.visit.request.VisitRequests;

/** Reads the registration service's contract and keeps each registration's visit wish as it last read. */
@Configuration(proxyBeanMethods = false)
class RegistrationEventsReader {

    /**
     * A registration's life as far as its visit wish goes: confirmed with a wish → a request for the
     * planners; changed → the wish as it now reads, or withdrawn; cancelled → withdrawn; erased → nothing
     * of the people kept; a person erased → nothing of them kept; an access request → what this service holds, answered. One consumer for all,
     * so they are handled in the order they happened.
     */
    @Bean
    Consumer<Message<byte[]>> requestVisit(IncomingEvents incoming, VisitRequests requests, VisitAccess access) {
        return incoming.routes()
                .on(
                        RegistrationContract.CONFIRMED_V1,
                        Confirmed.class,
                        (event, confirmed) -> requests.record(request(confirmed, event.id())))
                .on(
                        RegistrationContract.CONFIRMED_V2,
                        Confirmed.class,
                        (event, confirmed) -> requests.record(request(confirmed, event.id())))
                .on(
                        RegistrationContract.UPDATED_V1,
                        Confirmed.class,
                        (event, updated) ->
                                requests.update(updated.registrationId(), updated.at(), request(updated, event.id())))
                .on(
                        RegistrationContract.CANCELLED_V1,
                        RegistrationContract.Cancelled.class,
                        (event, cancelled) -> requests.cancel(cancelled.registrationId(), cancelled.cancelledAt()))
                .on(
                        RegistrationContract.ERASED_V1,
                        RegistrationContract.Erased.class,
                        (event, erased) -> requests.erase(erased.registrationId()))
                .on(
                        RegistrationContract.PERSON_ERASED_V1,
                        RegistrationContract.PersonErased.class,
                        (event, erased) -> requests.erasePerson(
                                erased.erasureId(), erased.registrationId(), erased.addressKey(), erased.contact()))
                .on(
                        RegistrationContract.ACCESS_REQUESTED_V1,
                        RegistrationContract.AccessRequested.class,
                        (event, asked) -> access.answer(
                                asked.requestId(), asked.email(), asked.organisationNumber(), asked.registrations()))
                .consumer();
    }

    /** The visit wish the registration describes, as a request first asked for then; null when it has none. */
    static VisitRequest request(Confirmed event, String sourceMessageId) {
        var wish = event.visitRequest();
        if (wish == null) {
            return null;
        }
        var address = event.company().address();
        return new VisitRequest(
                event.registrationId(),
                event.dayId(),
                event.dayName(),
                event.date(),
                event.company().name(),
                event.company().organisationNumber(),
                event.contact().name(),
                event.contact().email(),
                event.contact().phone(),
                wish.address(),
                address == null ? null : address.town(),
                wish.topics(),
                wish.areas() == null ? List.of() : List.copyOf(wish.areas()),
                wish.windows() == null
                        ? List.of()
                        : wish.windows().stream()
                                .filter(w -> w.from() != null && w.to() != null && w.to().isAfter(w.from()))
                                .map(w -> new VisitRequest.Receivable(w.from().toInstant(), w.to().toInstant()))
                                .toList(),
                List.of(),
                event.language(),
                VisitRequest.Status.REQUESTED,
                event.at(),
                event.at(),
                sourceMessageId,
                wish.meets() == null || wish.meets().isBlank()
                        ? null
                        : wish.meets().strip());
    }
}
