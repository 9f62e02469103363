package se.motesdagen.notification.inbound;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.motesdagen.notification.erasure.Erasure;
import se.motesdagen.notification.mail.Letter;
import se.motesdagen.notification.mail.Mailbox;
import se.motesdagen.notification.reminders.Reminders;
import se.motesdagen.platform.messaging.IncomingEvent;
import se.motesdagen.platform.messaging.IncomingEvents;
import tools.jackson.databind.JsonNode;

/**
 * Every e-mail this service sends because of a visit event. One consumer for the whole topic (group
 * notification-visit): a visit's events share its key and so its partition, and one consumer handles
 * them in the order they were published, so "moved" never overtakes "scheduled", nor "cancelled"
 * either. What the mails say is in {@link VisitLetters}, what they put in calendars in {@link VisitCalendar}.
 */
@Configuration(proxyBeanMethods = false)
class VisitEventsReader {

    @Bean
    Consumer<Message<byte[]>> sendVisitEmails(
            IncomingEvents incoming,
            Mailbox mailbox,
            VisitCalendar calendar,
            Reminders reminders,
            ContractReminders reminding,
            SealedLinks links,
            Erasure erasure,
            ClearLinkSunset sunset) {
        BiConsumer<IncomingEvent, VisitContract.Visit> scheduled = (event, visit) -> {
            Letter letter = VisitLetters.scheduled(visit);
            mailbox.queue(event.id(), letter, () -> calendar.booked(visit, letter.locale()));
            reminding.schedule(visit);
        };
        BiConsumer<IncomingEvent, VisitContract.Visit> rescheduled = (event, visit) -> {
            Letter letter = VisitLetters.rescheduled(visit);
            mailbox.queue(event.id(), letter, () -> calendar.booked(visit, letter.locale()));
            reminding.schedule(visit);
        };
        // v2 carries the company's two links sealed; v1 carries them in clear: a dead letter since its sunset
        Map<String, String> sealedLinks = Map.of("confirmLink", "confirmUrl", "changeRequestLink", "changeRequestUrl");
        return incoming.routes()
                .on(
                        VisitContract.SCHEDULED_V1,
                        VisitContract.Visit.class,
                        sunset.guard(VisitContract.SCHEDULED_V1, scheduled))
                .on(
                        VisitContract.SCHEDULED_V2,
                        JsonNode.class,
                        links.opening("visitId", sealedLinks, VisitContract.Visit.class, scheduled))
                .on(
                        VisitContract.RESCHEDULED_V1,
                        VisitContract.Visit.class,
                        sunset.guard(VisitContract.RESCHEDULED_V1, rescheduled))
                .on(
                        VisitContract.RESCHEDULED_V2,
                        JsonNode.class,
                        links.opening("visitId", sealedLinks, VisitContract.Visit.class, rescheduled))
                .on(VisitContract.CANCELLED_V1, VisitContract.Visit.class, (event, visit) -> {
                    reminders.cancel(visit.visitId(), Reminders.VISIT_TEMPLATE);
                    Letter letter = VisitLetters.cancelled(visit);
                    mailbox.queue(event.id(), letter, () -> calendar.cancelled(visit, letter.locale()));
                })
                .on(VisitContract.ITINERARY_PUBLISHED_V1, VisitContract.Itinerary.class, (event, itinerary) -> {
                    Letter letter = VisitLetters.itinerary(itinerary);
                    mailbox.queue(event.id(), letter, () -> calendar.itinerary(itinerary, letter.locale()));
                })
                // in the same consumer as the itineraries, so an erasure never overtakes the host's last one
                .on(
                        VisitContract.HOST_ERASED_V1,
                        VisitContract.HostErased.class,
                        (event, erased) -> erasure.forgetHost(erased.erasureId(), erased.hostId(), erased.addressKey()))
                .consumer();
    }
}
