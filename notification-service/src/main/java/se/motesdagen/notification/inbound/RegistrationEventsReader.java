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
 * Every e-mail this service sends because of a registration event, and what it forgets or tells of a
 * person when asked, in one consumer of the topic; what each mail says is in {@link RegistrationLetters},
 * what it puts in the calendar in {@link RegistrationCalendar}.
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

    /**
     * The whole topic in one consumer group (notification-registration): each event is fetched and read
     * once, not once per kind of mail, and a registration's events are handled in the order they were
     * published. v2 events carry their links sealed; v1 carried them in clear and is dead-lettered since
     * its sunset ({@link ClearLinkSunset}). RegistrationUpdated carries the same picture as
     * RegistrationConfirmed, so it reads into the same record.
     */
    @Bean
    Consumer<Message<byte[]>> registrationEvents(Erasure erasure, MailAccess access) {
        BiConsumer<IncomingEvent, RegistrationContract.Submitted> confirmRequest =
                (event, submitted) -> mailbox.queue(event.id(), RegistrationLetters.confirmRequest(submitted));
        BiConsumer<IncomingEvent, RegistrationContract.Confirmed> confirmation = (event, confirmed) -> {
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
        // capped per address and day like the confirm request: a public form triggers it
        BiConsumer<IncomingEvent, RegistrationContract.ManageLinkSent> manageLink =
                (event, sent) -> mailbox.queue(event.id(), RegistrationLetters.manageLink(sent));
        return incoming.routes()
                .on(
                        RegistrationContract.SUBMITTED_V1,
                        RegistrationContract.Submitted.class,
                        sunset.guard(RegistrationContract.SUBMITTED_V1, confirmRequest))
                .on(
                        RegistrationContract.SUBMITTED_V2,
                        JsonNode.class,
                        links.opening(
                                "confirmationLink",
                                "confirmationUrl",
                                RegistrationContract.Submitted.class,
                                confirmRequest))
                .on(
                        RegistrationContract.CONFIRMED_V1,
                        RegistrationContract.Confirmed.class,
                        sunset.guard(RegistrationContract.CONFIRMED_V1, confirmation))
                .on(
                        RegistrationContract.CONFIRMED_V2,
                        JsonNode.class,
                        links.opening("manageLink", "manageUrl", RegistrationContract.Confirmed.class, confirmation))
                .on(RegistrationContract.UPDATED_V1, RegistrationContract.Confirmed.class, (event, updated) -> {
                    Letter letter = RegistrationLetters.changed(updated);
                    mailbox.queue(event.id(), letter, () -> calendar.booked(updated, letter.locale()));
                    reminding.schedule(updated);
                })
                .on(
                        RegistrationContract.MANAGE_LINK_SENT_V1,
                        RegistrationContract.ManageLinkSent.class,
                        sunset.guard(RegistrationContract.MANAGE_LINK_SENT_V1, manageLink))
                .on(
                        RegistrationContract.MANAGE_LINK_SENT_V2,
                        JsonNode.class,
                        links.opening("manageLink", "manageUrl", RegistrationContract.ManageLinkSent.class, manageLink))
                .on(RegistrationContract.CANCELLED_V1, RegistrationContract.Cancelled.class, (event, cancelled) -> {
                    reminders.cancel(cancelled.registrationId(), Reminders.TEMPLATE);
                    mailbox.queue(
                            event.id(),
                            RegistrationLetters.cancellation(cancelled),
                            () -> calendar.cancelled(cancelled));
                })
                .on(
                        RegistrationContract.WAITLIST_PROMOTED_V1,
                        RegistrationContract.WaitlistPromoted.class,
                        (event, promoted) -> {
                            Letter letter = RegistrationLetters.waitlistPromoted(promoted);
                            mailbox.queue(event.id(), letter, () -> calendar.promoted(promoted, letter.locale()));
                        })
                // the people's rights (GDPR): RegistrationErased, nothing of the registration's people stays
                // here; PersonErased, nothing of that person; AccessRequested, what is held of them, answered once
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
