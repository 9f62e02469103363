package se.motesdagen.notification.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.motesdagen.notification.access.MailAccess;
import se.motesdagen.notification.calendar.CheckInCodes;
import se.motesdagen.notification.erasure.Erasure;
import se.motesdagen.notification.mail.Attachment;
import se.motesdagen.notification.mail.Letter;
import se.motesdagen.notification.mail.Mailbox;
import se.motesdagen.notification.reminders.Reminders;
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
class RegistrationEventsReader {

    private final IncomingEvents incoming;
    private final Mailbox mailbox;
    private final RegistrationCalendar calendar;
    private final Reminders reminders;
    private final ContractReminders reminding;
    private final SealedLinks links;
    private final ClearLinkSunset sunset;

    RegistrationEventsReader(
            IncomingEvents incoming,
            Mailbox mailbox,
            RegistrationCalendar calendar,
            Reminders reminders,
            ContractReminders reminding,
            SealedLinks links,
            ClearLinkSunset sunset) {
        this.incoming = incoming;
        this.sunset = sunset;
        this.links = links;
        this.mailbox = mailbox;
        this.calendar = calendar;
        this.reminders = reminders;
        this.reminding = reminding;
    }

    /** v2 carries the link sealed; v1 carries it in clear and is dead-lettered since its sunset ({@link ClearLinkSunset}). */
    @Bean
    Consumer<Message<byte[]>> sendConfirmRequestEmail() {
        BiConsumer<IncomingEvent, RegistrationContract.Submitted> send =
                (event, submitted) -> mailbox.queue(event.id(), RegistrationLetters.confirmRequest(submitted));
        return incoming.routes()
                .on(
                        RegistrationContract.SUBMITTED_V1,
                        RegistrationContract.Submitted.class,
                        sunset.guard(RegistrationContract.SUBMITTED_V1, send))
                .on(
                        RegistrationContract.SUBMITTED_V2,
                        JsonNode.class,
                        links.opening(
                                "confirmationLink", "confirmationUrl", RegistrationContract.Submitted.class, send))
                .consumer();
    }

    @Bean
    Consumer<Message<byte[]>> sendConfirmationEmail() {
        BiConsumer<IncomingEvent, RegistrationContract.Confirmed> send = (event, confirmed) -> {
            Letter letter = RegistrationLetters.confirmation(confirmed);
            mailbox.queue(event.id(), letter, () -> {
                List<Attachment> files = new ArrayList<>(calendar.booked(confirmed, letter.locale()));
                if (confirmed.checkInUrl() != null) {
                    files.add(CheckInCodes.of(confirmed.checkInUrl()));
                }
                return files;
            });
            reminding.schedule(confirmed);
        };
        return incoming.routes()
                .on(
                        RegistrationContract.CONFIRMED_V1,
                        RegistrationContract.Confirmed.class,
                        sunset.guard(RegistrationContract.CONFIRMED_V1, send))
                .on(
                        RegistrationContract.CONFIRMED_V2,
                        JsonNode.class,
                        links.opening("manageLink", "manageUrl", RegistrationContract.Confirmed.class, send))
                .consumer();
    }

    /** RegistrationUpdated carries the same picture as RegistrationConfirmed, so it reads into the same record. */
    @Bean
    Consumer<Message<byte[]>> sendChangedEmail() {
        return incoming.consumer(
                RegistrationContract.UPDATED_V1, RegistrationContract.Confirmed.class, (event, updated) -> {
                    Letter letter = RegistrationLetters.changed(updated);
                    mailbox.queue(event.id(), letter, () -> calendar.booked(updated, letter.locale()));
                    reminding.schedule(updated);
                });
    }

    /** Capped per address and day like the confirm request: a public form triggers it. */
    @Bean
    Consumer<Message<byte[]>> sendManageLinkEmail() {
        BiConsumer<IncomingEvent, RegistrationContract.ManageLinkSent> send =
                (event, sent) -> mailbox.queue(event.id(), RegistrationLetters.manageLink(sent));
        return incoming.routes()
                .on(
                        RegistrationContract.MANAGE_LINK_SENT_V1,
                        RegistrationContract.ManageLinkSent.class,
                        sunset.guard(RegistrationContract.MANAGE_LINK_SENT_V1, send))
                .on(
                        RegistrationContract.MANAGE_LINK_SENT_V2,
                        JsonNode.class,
                        links.opening("manageLink", "manageUrl", RegistrationContract.ManageLinkSent.class, send))
                .consumer();
    }

    @Bean
    Consumer<Message<byte[]>> sendCancellationEmail() {
        return incoming.consumer(
                RegistrationContract.CANCELLED_V1, RegistrationContract.Cancelled.class, (event, cancelled) -> {
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
                RegistrationContract.WAITLIST_PROMOTED_V1,
                RegistrationContract.WaitlistPromoted.class,
                (event, promoted) -> {
                    Letter letter = RegistrationLetters.waitlistPromoted(promoted);
                    mailbox.queue(event.id(), letter, () -> calendar.promoted(promoted, letter.locale()));
                });
    }

    /**
     * The people's rights (GDPR): RegistrationErased → nothing of the registration's people stays here;
     * PersonErased → nothing of that person; AccessRequested → what this service holds of them, answered once.
     */
    @Bean
    Consumer<Message<byte[]>> personalData(Erasure erasure, MailAccess access) {
        return incoming.routes()
                .on(
                        RegistrationContract.ERASED_V1,
                        RegistrationContract.Erased.class,
                        (event, erased) -> erasure.forget(erased.registrationId()))
                .on(
                        RegistrationContract.PERSON_ERASED_V1,
                        RegistrationContract.PersonErased.class,
                        (event, erased) -> erasure.forgetPerson(
                                erased.erasureId(), erased.registrationId(), erased.addressKey(), erased.contact()))
                .on(
                        RegistrationContract.ACCESS_REQUESTED_V1,
                        RegistrationContract.AccessRequested.class,
                        (event, asked) -> access.answer(asked.requestId(), asked.email(), asked.registrations()))
                .consumer();
    }
}
