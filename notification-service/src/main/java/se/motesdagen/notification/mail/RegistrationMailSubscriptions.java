package se.motesdagen.notification.mail;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.motesdagen.platform.messaging.IncomingEvents;

/**
 * Every e-mail this service sends because of a registration event, in one place. One consumer bean
 * per event type, each in its own consumer group with its own dead-letter topic (application.yml).
 */
@Configuration(proxyBeanMethods = false)
class RegistrationMailSubscriptions {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private final IncomingEvents incoming;
    private final Mailbox mailbox;
    private final RegistrationCalendar calendar;

    RegistrationMailSubscriptions(IncomingEvents incoming, Mailbox mailbox, RegistrationCalendar calendar) {
        this.incoming = incoming;
        this.mailbox = mailbox;
        this.calendar = calendar;
    }

    /** RegistrationSubmitted → "Bekräfta din anmälan" with the confirm link. */
    @Bean
    Consumer<Message<byte[]>> sendConfirmRequestEmail() {
        return incoming.consumer(
                RegistrationEvents.SUBMITTED_V1, RegistrationEvents.Submitted.class, (event, submitted) -> {
                    Locale locale = locale(submitted.language());
                    Map<String, Object> model = new HashMap<>();
                    model.put("contactName", submitted.contact().name());
                    model.put("companyName", submitted.companyName());
                    model.put("eventName", submitted.eventName());
                    model.put("eventDate", longDate(submitted.eventDate(), locale));
                    model.put("confirmationUrl", submitted.confirmationUrl());
                    model.put(
                            "validUntil",
                            DateTimeFormatter.ofPattern("d MMMM yyyy 'kl.' H.mm", locale)
                                    .format(submitted.confirmationExpiresAt().atZone(STOCKHOLM)));
                    mailbox.queue(
                            event.id(),
                            "confirm-request",
                            submitted.registrationId(),
                            submitted.contact().email(),
                            locale,
                            model);
                });
    }

    /** RegistrationConfirmed → the confirmation with date, place and chosen sessions. */
    @Bean
    Consumer<Message<byte[]>> sendConfirmationEmail() {
        return incoming.consumer(
                RegistrationEvents.CONFIRMED_V1, RegistrationEvents.Confirmed.class, (event, confirmed) -> {
                    Locale locale = locale(confirmed.language());
                    Map<String, Object> model = registrationModel(confirmed, locale);
                    model.put("manageUrl", confirmed.manageUrl());
                    mailbox.queue(
                            event.id(),
                            "confirmation",
                            confirmed.registrationId(),
                            confirmed.contact().email(),
                            locale,
                            model,
                            () -> calendar.booked(confirmed, locale));
                });
    }

    /**
     * RegistrationUpdated → "Er anmälan är ändrad" with the registration as it now stands: the event has
     * the same picture as RegistrationConfirmed, so it reads into the same record.
     */
    @Bean
    Consumer<Message<byte[]>> sendChangedEmail() {
        return incoming.consumer(
                RegistrationEvents.UPDATED_V1, RegistrationEvents.Confirmed.class, (event, updated) -> {
                    Locale locale = locale(updated.language());
                    mailbox.queue(
                            event.id(),
                            "changed",
                            updated.registrationId(),
                            updated.contact().email(),
                            locale,
                            registrationModel(updated, locale),
                            () -> calendar.booked(updated, locale));
                });
    }

    /** What the confirmation and the change mail show: the day, and each session with who waits in line. */
    private static Map<String, Object> registrationModel(RegistrationEvents.Confirmed registration, Locale locale) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("H.mm", locale);
        Map<String, Object> model = new HashMap<>();
        model.put("contactName", registration.contact().name());
        model.put("companyName", registration.company().name());
        model.put("eventName", registration.eventName());
        model.put("eventDate", longDate(registration.eventDate(), locale));
        model.put("eventLocation", registration.eventLocation());
        model.put("attendees", registration.attendees());
        model.put(
                "sessions",
                registration.sessions().stream()
                        .map(s -> new SessionLine(
                                timeSpan(s, time),
                                s.title(),
                                s.room(),
                                registration.places().stream()
                                        .filter(p ->
                                                !p.waiting() && p.sessionId().equals(s.sessionId()))
                                        .map(p -> registration.nameOf(p.attendeeId()))
                                        .filter(java.util.Objects::nonNull)
                                        .toList(),
                                registration.places().stream()
                                        .filter(p ->
                                                p.waiting() && p.sessionId().equals(s.sessionId()))
                                        .map(p -> new WaitingLine(
                                                p.attendeeId(),
                                                registration.nameOf(p.attendeeId()),
                                                p.waitingPosition()))
                                        .toList()))
                        .toList());
        model.put("visitRequested", registration.visitRequest() != null);
        return model;
    }

    /**
     * ManageLinkSent → the registered contact's new manage link, because somebody tried to register the
     * company again. Capped per address and day like the confirm request: a public form triggers it.
     */
    @Bean
    Consumer<Message<byte[]>> sendManageLinkEmail() {
        return incoming.consumer(
                RegistrationEvents.MANAGE_LINK_SENT_V1, RegistrationEvents.ManageLinkSent.class, (event, sent) -> {
                    Locale locale = locale(sent.language());
                    Map<String, Object> model = new HashMap<>();
                    model.put("contactName", sent.contact().name());
                    model.put("companyName", sent.companyName());
                    model.put("eventName", sent.eventName());
                    model.put("eventDate", longDate(sent.eventDate(), locale));
                    model.put("manageUrl", sent.manageUrl());
                    mailbox.queue(
                            event.id(),
                            "manage-link",
                            sent.registrationId(),
                            sent.contact().email(),
                            locale,
                            model);
                });
    }

    /** RegistrationCancelled → a receipt, so a cancellation nobody meant is noticed at once. */
    @Bean
    Consumer<Message<byte[]>> sendCancellationEmail() {
        return incoming.consumer(
                RegistrationEvents.CANCELLED_V1, RegistrationEvents.Cancelled.class, (event, cancelled) -> {
                    Locale locale = locale(cancelled.language());
                    Map<String, Object> model = new HashMap<>();
                    model.put("contactName", cancelled.contact().name());
                    model.put("companyName", cancelled.companyName());
                    model.put("eventName", cancelled.eventName());
                    model.put("eventDate", longDate(cancelled.eventDate(), locale));
                    mailbox.queue(
                            event.id(),
                            "cancellation",
                            cancelled.registrationId(),
                            cancelled.contact().email(),
                            locale,
                            model,
                            () -> calendar.cancelled(cancelled));
                });
    }

    /** WaitlistPromoted → "Du har fått en plats" for the session. */
    @Bean
    Consumer<Message<byte[]>> sendWaitlistPromotedEmail() {
        return incoming.consumer(
                RegistrationEvents.WAITLIST_PROMOTED_V1,
                RegistrationEvents.WaitlistPromoted.class,
                (event, promoted) -> {
                    Locale locale = locale(promoted.language());
                    Map<String, Object> model = new HashMap<>();
                    model.put("contactName", promoted.contact().name());
                    model.put("companyName", promoted.companyName());
                    model.put("eventName", promoted.eventName());
                    model.put("eventDate", longDate(promoted.eventDate(), locale));
                    model.put("eventLocation", promoted.eventLocation());
                    model.put("sessionTitle", promoted.session().title());
                    model.put("sessionTime", timeSpan(promoted.session(), DateTimeFormatter.ofPattern("H.mm", locale)));
                    model.put("room", promoted.session().room());
                    model.put("attendeeId", promoted.attendeeId());
                    model.put("attendeeName", promoted.attendeeName());
                    mailbox.queue(
                            event.id(),
                            "waitlist-promoted",
                            promoted.registrationId(),
                            promoted.contact().email(),
                            locale,
                            model,
                            () -> calendar.promoted(promoted, locale));
                });
    }

    /** A session in the confirmation, with the attendees who have a seat in it and those who wait for one. */
    record SessionLine(String time, String title, String room, List<String> seated, List<WaitingLine> waiting) {}

    /** An attendee on a session's waiting list: by name, or by number for one registered before names. */
    record WaitingLine(String attendeeId, String name, Integer position) {}

    private static String timeSpan(RegistrationEvents.Session session, DateTimeFormatter time) {
        return time.format(session.startsAt().atZoneSameInstant(STOCKHOLM)) + "–"
                + time.format(session.endsAt().atZoneSameInstant(STOCKHOLM));
    }

    private static Locale locale(String language) {
        return "en".equals(language) ? Locale.ENGLISH : Locale.of("sv", "SE");
    }

    private static String longDate(java.time.LocalDate date, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(date);
    }
}
