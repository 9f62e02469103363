package se.motesdagen.notification.mail;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.motesdagen.platform.messaging.IncomingEvents;

/**
 * Every e-mail this service sends because of a visit event. One consumer for the whole topic (group
 * notification-visit): a visit's events share its key and so its partition, and one consumer handles
 * them in the order they were published, so "moved" never overtakes "scheduled", nor "cancelled"
 * either. What the mails say is in {@link VisitLetters}, what they put in calendars in {@link VisitCalendar}.
 */
@Configuration(proxyBeanMethods = false)
class VisitMailSubscriptions {

    @Bean
    Consumer<Message<byte[]>> sendVisitEmails(
            IncomingEvents incoming, Mailbox mailbox, VisitCalendar calendar, Reminders reminders) {
        return incoming.routes()
                .on(VisitEvents.SCHEDULED_V1, VisitEvents.Visit.class, (event, visit) -> {
                    Letter letter = VisitLetters.scheduled(visit);
                    mailbox.queue(event.id(), letter, () -> calendar.booked(visit, letter.locale()));
                    reminders.schedule(visit);
                })
                .on(VisitEvents.RESCHEDULED_V1, VisitEvents.Visit.class, (event, visit) -> {
                    Letter letter = VisitLetters.rescheduled(visit);
                    mailbox.queue(event.id(), letter, () -> calendar.booked(visit, letter.locale()));
                    reminders.schedule(visit);
                })
                .on(VisitEvents.CANCELLED_V1, VisitEvents.Visit.class, (event, visit) -> {
                    reminders.cancel(visit.visitId(), Reminders.VISIT_TEMPLATE);
                    Letter letter = VisitLetters.cancelled(visit);
                    mailbox.queue(event.id(), letter, () -> calendar.cancelled(visit, letter.locale()));
                })
                .on(VisitEvents.ITINERARY_PUBLISHED_V1, VisitEvents.Itinerary.class, (event, itinerary) -> {
                    Letter letter = VisitLetters.itinerary(itinerary);
                    mailbox.queue(event.id(), letter, () -> calendar.itinerary(itinerary, letter.locale()));
                })
                .consumer();
    }
}
