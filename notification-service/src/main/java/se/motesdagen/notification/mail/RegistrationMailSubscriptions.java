package se.motesdagen.notification.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.motesdagen.platform.messaging.IncomingEvent;
import se.motesdagen.platform.messaging.IncomingEvents;
import tools.jackson.databind.JsonNode;

/**
 * Every e-mail this service sends because of a registration event, in one place. One consumer bean
 * per event type, each in its own consumer group with its own dead-letter topic (application.yml); what
 * each mail says is in {@link RegistrationLetters}, what it puts in the calendar in
 * {@link RegistrationCalendar}.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationMailSubscriptions {

    private final IncomingEvents incoming;
    private final Mailbox mailbox;
    private final RegistrationCalendar calendar;
    private final Reminders reminders;
    private final SealedLinks links;

    RegistrationMailSubscriptions(
            IncomingEvents incoming,
            Mailbox mailbox,
            RegistrationCalendar calendar,
            Reminders reminders,
            SealedLinks links) {
        this.incoming = incoming;
        this.links = links;
        this.mailbox = mailbox;
        this.calendar = calendar;
        this.reminders = reminders;
    }

    /** v2 carries the link sealed, v1 (still on the topic from before) in clear; both are mailed alike. */
    @Bean
    Consumer<Message<byte[]>> sendConfirmRequestEmail() {
        BiConsumer<IncomingEvent, RegistrationEvents.Submitted> send =
                (event, submitted) -> mailbox.queue(event.id(), RegistrationLetters.confirmRequest(submitted));
        return incoming.routes()
                .on(RegistrationEvents.SUBMITTED_V1, RegistrationEvents.Submitted.class, send)
                .on(
                        RegistrationEvents.SUBMITTED_V2,
                        JsonNode.class,
                        links.opening("confirmationLink", "confirmationUrl", RegistrationEvents.Submitted.class, send))
                .consumer();
    }

    @Bean
    Consumer<Message<byte[]>> sendConfirmationEmail() {
        BiConsumer<IncomingEvent, RegistrationEvents.Confirmed> send = (event, confirmed) -> {
            Letter letter = RegistrationLetters.confirmation(confirmed);
            mailbox.queue(event.id(), letter, () -> {
                List<Attachment> files = new ArrayList<>(calendar.booked(confirmed, letter.locale()));
                if (confirmed.checkInUrl() != null) {
                    files.add(CheckInCodes.of(confirmed.checkInUrl()));
                }
                return files;
            });
            reminders.schedule(confirmed);
        };
        return incoming.routes()
                .on(RegistrationEvents.CONFIRMED_V1, RegistrationEvents.Confirmed.class, send)
                .on(
                        RegistrationEvents.CONFIRMED_V2,
                        JsonNode.class,
                        links.opening("manageLink", "manageUrl", RegistrationEvents.Confirmed.class, send))
                .consumer();
    }

    /** RegistrationUpdated carries the same picture as RegistrationConfirmed, so it reads into the same record. */
    @Bean
    Consumer<Message<byte[]>> sendChangedEmail() {
        return incoming.consumer(
                RegistrationEvents.UPDATED_V1, RegistrationEvents.Confirmed.class, (event, updated) -> {
                    Letter letter = RegistrationLetters.changed(updated);
                    mailbox.queue(event.id(), letter, () -> calendar.booked(updated, letter.locale()));
                    reminders.schedule(updated);
                });
    }

    /** Capped per address and day like the confirm request: a public form triggers it. */
    @Bean
    Consumer<Message<byte[]>> sendManageLinkEmail() {
        BiConsumer<IncomingEvent, RegistrationEvents.ManageLinkSent> send =
                (event, sent) -> mailbox.queue(event.id(), RegistrationLetters.manageLink(sent));
        return incoming.routes()
                .on(RegistrationEvents.MANAGE_LINK_SENT_V1, RegistrationEvents.ManageLinkSent.class, send)
                .on(
                        RegistrationEvents.MANAGE_LINK_SENT_V2,
                        JsonNode.class,
                        links.opening("manageLink", "manageUrl", RegistrationEvents.ManageLinkSent.class, send))
                .consumer();
    }

    @Bean
    Consumer<Message<byte[]>> sendCancellationEmail() {
        return incoming.consumer(
                RegistrationEvents.CANCELLED_V1, RegistrationEvents.Cancelled.class, (event, cancelled) -> {
                    reminders.cancel(cancelled.registrationId(), Reminders.TEMPLATE);
                    mailbox.queue(
                            event.id(),
                            RegistrationLetters.cancellation(cancelled),
                            () -> calendar.cancelled(cancelled));
                });
    }

    @Bean
    Consumer<Message<byte[]>> sendWaitlistPromotedEmail() {
        return incoming.consumer(
                RegistrationEvents.WAITLIST_PROMOTED_V1,
                RegistrationEvents.WaitlistPromoted.class,
                (event, promoted) -> {
                    Letter letter = RegistrationLetters.waitlistPromoted(promoted);
                    mailbox.queue(event.id(), letter, () -> calendar.promoted(promoted, letter.locale()));
                });
    }
}
