package se.motesdagen.notification.inbound;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import se.motesdagen.notification.mail.Letter;
import se.motesdagen.notification.reminders.Reminders;

/** The letter each visit event asks for: to the company about its visit, to a host about their day. */
public final class VisitLetters {

    private static final ZoneId STOCKHOLM = RegistrationLetters.STOCKHOLM;

    private VisitLetters() {}

    /** VisitScheduled → the time, the hosts, the address, and the links to confirm or ask for another time. */
    static Letter scheduled(VisitContract.Visit visit) {
        return companyLetter("visit-scheduled", visit);
    }

    /** VisitRescheduled → the new time beside the old one, and the same two links. */
    static Letter rescheduled(VisitContract.Visit visit) {
        Letter letter = companyLetter("visit-rescheduled", visit);
        letter.model().put("previousWhen", when(visit.previousStartsAt(), visit.previousEndsAt(), letter.locale()));
        return letter;
    }

    /** VisitCancelled → the company is told the visit will not take place. */
    static Letter cancelled(VisitContract.Visit visit) {
        return companyLetter("visit-cancelled", visit);
    }

    /** The morning of the visit: who comes when, with no links (the stored copy keeps none). */
    public static Letter reminder(VisitContract.Visit visit) {
        return companyLetter(Reminders.VISIT_TEMPLATE, visit);
    }

    /** ItineraryPublished → the host's day in order: each stop with time, address, contact and driving. */
    static Letter itinerary(VisitContract.Itinerary itinerary) {
        Locale locale = RegistrationLetters.locale(itinerary.host().language());
        DateTimeFormatter time = DateTimeFormatter.ofPattern("H.mm", locale);
        Map<String, Object> model = new HashMap<>();
        String date = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale).format(itinerary.date());
        model.put("hostName", itinerary.host().name());
        model.put("date", date);
        model.put("eventName", itinerary.eventName());
        model.put("teamName", itinerary.team() == null ? null : itinerary.team().name());
        model.put(
                "members",
                itinerary.team() == null
                        ? List.of()
                        : itinerary.team().members().stream()
                                .filter(m -> !m.name().equals(itinerary.host().name()))
                                .toList());
        model.put(
                "stops",
                itinerary.stops().stream()
                        .map(stop -> new StopLine(
                                time.format(stop.startsAt().atZoneSameInstant(STOCKHOLM)) + "–"
                                        + time.format(stop.endsAt().atZoneSameInstant(STOCKHOLM)),
                                stop.title(),
                                stop.visit(),
                                stop.address(),
                                stop.contact() == null ? null : stop.contact().name(),
                                stop.contact() == null ? null : stop.contact().phone(),
                                stop.meets(),
                                String.join(", ", stop.topics()),
                                stop.driveMinutesBefore()))
                        .toList());
        model.put(
                "visits",
                itinerary.stops().stream().filter(VisitContract.Stop::visit).count());
        model.put("itineraryUrl", itinerary.itineraryUrl());
        model.put("subjectArguments", new Object[] {date});
        return new Letter(
                "host-itinerary",
                null,
                itinerary.host().email(),
                locale,
                model,
                null,
                itinerary.stops().stream()
                        .map(VisitContract.Stop::registrationId)
                        .filter(Objects::nonNull)
                        .toList());
    }

    /** A stop of the host's day as the mail lists it. */
    record StopLine(
            String time,
            String title,
            boolean visit,
            String address,
            String contactName,
            String contactPhone,
            String meets,
            String topics,
            int driveMinutes) {}

    /** A host as the company meets them: name and office. */
    record HostLine(String name, String title) {}

    private static Letter companyLetter(String template, VisitContract.Visit visit) {
        Locale locale = RegistrationLetters.locale(visit.language());
        Map<String, Object> model = new HashMap<>();
        String when = when(visit.startsAt(), visit.endsAt(), locale);
        model.put("contactName", visit.contact().name());
        model.put("companyName", visit.company().name());
        model.put("eventName", visit.eventName());
        model.put("when", when);
        model.put("address", visit.company().address());
        model.put(
                "hosts",
                visit.hosts().stream()
                        .map(h -> new HostLine(h.name(), h.title()))
                        .toList());
        model.put("topics", visit.topics());
        model.put("reason", visit.reason());
        model.put("confirmUrl", visit.confirmUrl());
        model.put("changeRequestUrl", visit.changeRequestUrl());
        model.put("subjectArguments", new Object[] {visit.company().name(), when});
        return new Letter(template, visit.registrationId(), visit.contact().email(), locale, model);
    }

    /** "torsdag 26 augusti 2027 kl. 10.30–11.30", in Stockholm time. */
    static String when(OffsetDateTime start, OffsetDateTime end, Locale locale) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("H.mm", locale);
        String at = "en".equals(locale.getLanguage()) ? " at " : " kl. ";
        return day.format(start.atZoneSameInstant(STOCKHOLM))
                + at
                + time.format(start.atZoneSameInstant(STOCKHOLM))
                + "–"
                + time.format(end.atZoneSameInstant(STOCKHOLM));
    }
}
