package se.motesdagen.notification.mail;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
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

    RegistrationMailSubscriptions(IncomingEvents incoming, Mailbox mailbox) {
        this.incoming = incoming;
        this.mailbox = mailbox;
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
                    DateTimeFormatter time = DateTimeFormatter.ofPattern("H.mm", locale);
                    Map<String, Object> model = new HashMap<>();
                    model.put("contactName", confirmed.contact().name());
                    model.put("companyName", confirmed.company().name());
                    model.put("eventName", confirmed.eventName());
                    model.put("eventDate", longDate(confirmed.eventDate(), locale));
                    model.put("eventLocation", confirmed.eventLocation());
                    model.put("attendees", confirmed.attendees());
                    model.put(
                            "sessions",
                            confirmed.sessions().stream()
                                    .map(s -> time.format(s.startsAt().atZoneSameInstant(STOCKHOLM)) + "–"
                                            + time.format(s.endsAt().atZoneSameInstant(STOCKHOLM)) + " " + s.title())
                                    .toList());
                    model.put("visitRequested", confirmed.visitRequest() != null);
                    mailbox.queue(
                            event.id(),
                            "confirmation",
                            confirmed.registrationId(),
                            confirmed.contact().email(),
                            locale,
                            model);
                });
    }

    private static Locale locale(String language) {
        return "en".equals(language) ? Locale.ENGLISH : Locale.of("sv", "SE");
    }

    private static String longDate(java.time.LocalDate date, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(date);
    }
}
