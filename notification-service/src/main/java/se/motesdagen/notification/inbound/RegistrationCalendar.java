package se.motesdagen.notification.inbound;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import se.motesdagen.notification.calendar.CalendarFiles;
import se.motesdagen.notification.calendar.CalendarMemory;
import se.motesdagen.notification.mail.Attachment;
import se.motesdagen.notification.mail.MailSender;

/**
 * What a registration's contact has in their calendar from us: the day itself and every session where
 * somebody from the company has a seat (not where they only wait). Each item sent is remembered, so a
 * change can remove what is no longer booked and a cancellation can remove everything, though the
 * cancellation event itself does not say what was booked.
 */
@Component
class RegistrationCalendar {

    private final CalendarMemory memory;
    private final CalendarFiles files;
    private final MessageSource messages;
    private final String publicBaseUrl;
    private final String uidDomain;

    RegistrationCalendar(
            CalendarMemory memory,
            CalendarFiles files,
            MessageSource messages,
            MailSender sender,
            @Value("${motesdagen.public-base-url}") String publicBaseUrl) {
        this.memory = memory;
        this.files = files;
        this.messages = messages;
        this.publicBaseUrl = publicBaseUrl;
        this.uidDomain = sender.email().substring(sender.email().indexOf('@') + 1);
    }

    /** The confirmation and the change mail: the day and the booked sessions in, what is no longer booked out. */
    List<Attachment> booked(RegistrationContract.Confirmed registration, Locale locale) {
        List<CalendarFiles.Item> items = new ArrayList<>();
        items.add(day(
                registration.registrationId(),
                registration.eventId(),
                registration.eventName(),
                registration.eventDate(),
                registration.eventLocation(),
                registration.company().name(),
                locale));
        Map<String, List<String>> seatedBySession = new LinkedHashMap<>();
        for (RegistrationContract.Place place : registration.places()) {
            if (!place.waiting()) {
                String name = registration.nameOf(place.attendeeId());
                seatedBySession
                        .computeIfAbsent(place.sessionId(), s -> new ArrayList<>())
                        .add(
                                name != null
                                        ? name
                                        : messages.getMessage(
                                                "mail.attendee-number", new Object[] {place.attendeeId()}, locale));
            }
        }
        for (RegistrationContract.Session session : registration.sessions()) {
            boolean seated = registration.places().isEmpty() || seatedBySession.containsKey(session.sessionId());
            if (seated) {
                items.add(session(
                        registration.registrationId(),
                        registration.eventId(),
                        registration.eventName(),
                        registration.eventLocation(),
                        session,
                        registration.company().name(),
                        seatedBySession.getOrDefault(session.sessionId(), List.of()),
                        locale));
            }
        }
        Instant at = registration.changedAt();
        String name = registration.contact().name();
        String email = registration.contact().email();
        List<CalendarFiles.Item> gone = memory.replace(registration.registrationId(), items);
        List<Attachment> attachments = new ArrayList<>();
        attachments.add(files.request(items, at, name, email));
        if (!gone.isEmpty()) {
            attachments.add(files.cancel(gone, at, name, email));
        }
        return attachments;
    }

    /** The cancellation receipt: everything we ever put in the calendar for the registration comes out. */
    List<Attachment> cancelled(RegistrationContract.Cancelled cancelled) {
        List<CalendarFiles.Item> everything = memory.takeAll(cancelled.registrationId());
        if (everything.isEmpty()) {
            return List.of();
        }
        return List.of(files.cancel(
                everything,
                cancelled.cancelledAt(),
                cancelled.contact().name(),
                cancelled.contact().email()));
    }

    /** A seat from the waiting list: the session goes into the calendar. */
    List<Attachment> promoted(RegistrationContract.WaitlistPromoted promoted, Locale locale) {
        String attendee = promoted.attendeeName() != null
                ? promoted.attendeeName()
                : messages.getMessage("mail.attendee-number", new Object[] {promoted.attendeeId()}, locale);
        CalendarFiles.Item item = session(
                promoted.registrationId(),
                promoted.eventId(),
                promoted.eventName(),
                promoted.eventLocation(),
                promoted.session(),
                promoted.companyName(),
                List.of(attendee),
                locale);
        memory.remember(promoted.registrationId(), List.of(item));
        return List.of(files.request(
                List.of(item),
                promoted.promotedAt(),
                promoted.contact().name(),
                promoted.contact().email()));
    }

    private CalendarFiles.Item day(
            String registrationId,
            String eventId,
            String eventName,
            LocalDate date,
            String location,
            String companyName,
            Locale locale) {
        return new CalendarFiles.Item(
                registrationId + ".dagen@" + uidDomain,
                eventName,
                messages.getMessage("calendar.day", new Object[] {companyName}, locale),
                location,
                eventPage(eventId),
                null,
                null,
                date);
    }

    private CalendarFiles.Item session(
            String registrationId,
            String eventId,
            String eventName,
            String location,
            RegistrationContract.Session session,
            String companyName,
            List<String> attendees,
            Locale locale) {
        String where = session.room() == null ? location : location + ", " + session.room();
        String who = attendees.isEmpty()
                ? null
                : messages.getMessage(
                        "calendar.attending", new Object[] {companyName, String.join(", ", attendees)}, locale);
        return new CalendarFiles.Item(
                registrationId + "." + session.sessionId() + "@" + uidDomain,
                session.title() + " – " + eventName,
                who,
                where,
                eventPage(eventId),
                session.startsAt().atZoneSameInstant(CalendarFiles.STOCKHOLM),
                session.endsAt().atZoneSameInstant(CalendarFiles.STOCKHOLM),
                null);
    }

    private URI eventPage(String eventId) {
        return eventId == null ? URI.create(publicBaseUrl) : URI.create(publicBaseUrl + "/evenemang/" + eventId);
    }
}
