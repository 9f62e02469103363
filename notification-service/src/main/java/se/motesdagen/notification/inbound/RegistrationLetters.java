package se.motesdagen.notification.inbound;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import se.motesdagen.notification.mail.Letter;
import se.motesdagen.notification.reminders.Reminders;

/** The letter each registration event asks for: which template, to whom, and what goes into it. */
public final class RegistrationLetters {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private RegistrationLetters() {}

    /** RegistrationSubmitted → "Bekräfta din anmälan" with the confirm link. */
    static Letter confirmRequest(RegistrationContract.Submitted submitted) {
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
        return new Letter(
                "confirm-request",
                submitted.registrationId(),
                submitted.contact().email(),
                locale,
                model);
    }

    /** RegistrationConfirmed → the confirmation with the day, each session with who has a seat and who waits. */
    static Letter confirmation(RegistrationContract.Confirmed confirmed) {
        Locale locale = locale(confirmed.language());
        Map<String, Object> model = registrationModel(confirmed, locale);
        model.put("manageUrl", confirmed.manageUrl());
        return new Letter(
                "confirmation", confirmed.registrationId(), confirmed.contact().email(), locale, model);
    }

    /** RegistrationUpdated → "Er anmälan är ändrad" with the registration as it now stands. */
    static Letter changed(RegistrationContract.Confirmed updated) {
        Locale locale = locale(updated.language());
        return new Letter(
                "changed",
                updated.registrationId(),
                updated.contact().email(),
                locale,
                registrationModel(updated, locale));
    }

    /** The reminder before the day, with the registration as it stands. */
    public static Letter reminder(RegistrationContract.Confirmed registration) {
        Locale locale = locale(registration.language());
        return new Letter(
                Reminders.TEMPLATE,
                registration.registrationId(),
                registration.contact().email(),
                locale,
                registrationModel(registration, locale));
    }

    /** ManageLinkSent → the registered contact's new manage link. */
    static Letter manageLink(RegistrationContract.ManageLinkSent sent) {
        Locale locale = locale(sent.language());
        Map<String, Object> model = new HashMap<>();
        model.put("contactName", sent.contact().name());
        model.put("companyName", sent.companyName());
        model.put("eventName", sent.eventName());
        model.put("eventDate", longDate(sent.eventDate(), locale));
        model.put("manageUrl", sent.manageUrl());
        return new Letter("manage-link", sent.registrationId(), sent.contact().email(), locale, model);
    }

    /** RegistrationCancelled → a receipt, so a cancellation nobody meant is noticed at once. */
    static Letter cancellation(RegistrationContract.Cancelled cancelled) {
        Locale locale = locale(cancelled.language());
        Map<String, Object> model = new HashMap<>();
        model.put("contactName", cancelled.contact().name());
        model.put("companyName", cancelled.companyName());
        model.put("eventName", cancelled.eventName());
        model.put("eventDate", longDate(cancelled.eventDate(), locale));
        return new Letter(
                "cancellation", cancelled.registrationId(), cancelled.contact().email(), locale, model);
    }

    /** WaitlistPromoted → "Ni har fått en plats" for the session. */
    static Letter waitlistPromoted(RegistrationContract.WaitlistPromoted promoted) {
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
        return new Letter(
                "waitlist-promoted",
                promoted.registrationId(),
                promoted.contact().email(),
                locale,
                model);
    }

    /** What the confirmation and the change mail show: the day, and each session with its seats and line. */
    private static Map<String, Object> registrationModel(RegistrationContract.Confirmed registration, Locale locale) {
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
                                        .filter(Objects::nonNull)
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
        model.put(
                "answers",
                registration.answers().stream()
                        .map(a -> new AnswerLine(
                                a.attendeeId() == null
                                        ? registration.company().name()
                                        : Objects.requireNonNullElse(
                                                registration.nameOf(a.attendeeId()), "#" + a.attendeeId()),
                                a.question(),
                                a.text()))
                        .toList());
        return model;
    }

    /** An answer to one of the day's questions in the mail: whose, the question as asked, the answer. */
    record AnswerLine(String who, String question, String text) {}

    /** A session in the confirmation, with the attendees who have a seat in it and those who wait for one. */
    record SessionLine(String time, String title, String room, List<String> seated, List<WaitingLine> waiting) {}

    /** An attendee on a session's waiting list: by name, or by number for one registered before names. */
    record WaitingLine(String attendeeId, String name, Integer position) {}

    private static String timeSpan(RegistrationContract.Session session, DateTimeFormatter time) {
        return time.format(session.startsAt().atZoneSameInstant(STOCKHOLM)) + "–"
                + time.format(session.endsAt().atZoneSameInstant(STOCKHOLM));
    }

    static Locale locale(String language) {
        return "en".equals(language) ? Locale.ENGLISH : Locale.of("sv", "SE");
    }

    private static String longDate(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(date);
    }
}
