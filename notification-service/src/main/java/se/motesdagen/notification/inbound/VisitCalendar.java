package se.motesdagen.notification.inbound;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import se.motesdagen.notification.calendar.CalendarFiles;
import se.motesdagen.notification.calendar.CalendarMemory;
import se.motesdagen.notification.mail.Attachment;
import se.motesdagen.notification.mail.MailSender;

/**
 * What visits put in calendars. The company gets its visit as one item whose UID is the visit's, so a
 * new time replaces it and a cancellation removes it, whatever we sent before. A host gets the whole
 * day: each visit and fixed point (the opening, lunch); what a new itinerary no longer holds is taken
 * out of the host's calendar, which needs remembering what the last one put in.
 */
@Component
class VisitCalendar {

    private final CalendarFiles files;
    private final CalendarMemory memory;
    private final MessageSource messages;
    private final String uidDomain;

    VisitCalendar(CalendarFiles files, CalendarMemory memory, MessageSource messages, MailSender sender) {
        this.files = files;
        this.memory = memory;
        this.messages = messages;
        this.uidDomain = sender.email().substring(sender.email().indexOf('@') + 1);
    }

    /** VisitScheduled and VisitRescheduled: the visit in the company's calendar, at its time now. */
    List<Attachment> booked(VisitContract.Visit visit, Locale locale) {
        return List.of(files.request(
                List.of(companyItem(visit, locale)),
                visit.changedAt(),
                visit.contact().name(),
                visit.contact().email()));
    }

    /** VisitCancelled: the visit out of the company's calendar. */
    List<Attachment> cancelled(VisitContract.Visit visit, Locale locale) {
        return List.of(files.cancel(
                List.of(companyItem(visit, locale)),
                visit.changedAt(),
                visit.contact().name(),
                visit.contact().email()));
    }

    /** ItineraryPublished: the host's day in; visits and fixed points no longer on it out. */
    List<Attachment> itinerary(VisitContract.Itinerary itinerary, Locale locale) {
        VisitContract.ItineraryHost host = itinerary.host();
        List<CalendarFiles.Item> items = itinerary.stops().stream()
                .map(stop -> hostItem(itinerary, stop, locale))
                .toList();
        List<CalendarFiles.Item> gone = memory.replace("itinerary:" + itinerary.itineraryId(), items);
        Map<String, String> registrationByUid = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String registrationId = itinerary.stops().get(i).registrationId();
            if (registrationId != null) {
                registrationByUid.put(items.get(i).uid(), registrationId);
            }
        }
        memory.mention(registrationByUid);
        List<Attachment> attachments = new ArrayList<>();
        if (!items.isEmpty()) {
            attachments.add(files.request(items, itinerary.publishedAt(), host.name(), host.email()));
        }
        if (!gone.isEmpty()) {
            attachments.add(files.cancel(gone, itinerary.publishedAt(), host.name(), host.email()));
        }
        return attachments;
    }

    private CalendarFiles.Item companyItem(VisitContract.Visit visit, Locale locale) {
        String hosts = visit.hosts().stream()
                .map(h -> h.title() == null ? h.name() : h.name() + " (" + h.title() + ")")
                .collect(Collectors.joining(", "));
        String description = messages.getMessage("calendar.visit.hosts", new Object[] {hosts}, locale);
        if (!visit.topics().isEmpty()) {
            description += "\n"
                    + messages.getMessage(
                            "calendar.visit.topics", new Object[] {String.join(", ", visit.topics())}, locale);
        }
        if (visit.changeRequestUrl() != null) {
            description += "\n" + messages.getMessage("calendar.visit.another-time", null, locale);
        }
        return new CalendarFiles.Item(
                visit.visitId() + ".besok@" + uidDomain,
                messages.getMessage(
                        "calendar.visit.summary", new Object[] {visit.company().name()}, locale),
                description,
                visit.company().address(),
                visit.changeRequestUrl() == null ? null : URI.create(visit.changeRequestUrl()),
                visit.startsAt().atZoneSameInstant(CalendarFiles.STOCKHOLM),
                visit.endsAt().atZoneSameInstant(CalendarFiles.STOCKHOLM),
                null);
    }

    private CalendarFiles.Item hostItem(VisitContract.Itinerary itinerary, VisitContract.Stop stop, Locale locale) {
        String hostId = itinerary.host().hostId();
        String uid = stop.visit()
                ? stop.visitId() + "." + hostId + "@" + uidDomain
                : hostId + "." + itinerary.date() + "." + fixedPointKey(stop.title()) + "@" + uidDomain;
        List<String> lines = new ArrayList<>();
        if (stop.contact() != null) {
            String contact = stop.contact().phone() == null
                    ? stop.contact().name()
                    : stop.contact().name() + ", " + stop.contact().phone();
            lines.add(messages.getMessage("calendar.itinerary.contact", new Object[] {contact}, locale));
        }
        if (!stop.topics().isEmpty()) {
            lines.add(messages.getMessage(
                    "calendar.visit.topics", new Object[] {String.join(", ", stop.topics())}, locale));
        }
        if (stop.driveMinutesBefore() > 0) {
            lines.add(
                    messages.getMessage("calendar.itinerary.drive", new Object[] {stop.driveMinutesBefore()}, locale));
        }
        return new CalendarFiles.Item(
                uid,
                stop.visit()
                        ? messages.getMessage("calendar.itinerary.visit", new Object[] {stop.title()}, locale)
                        : stop.title(),
                lines.isEmpty() ? null : String.join("\n", lines),
                stop.address(),
                itinerary.itineraryUrl() == null ? null : URI.create(itinerary.itineraryUrl()),
                stop.startsAt().atZoneSameInstant(CalendarFiles.STOCKHOLM),
                stop.endsAt().atZoneSameInstant(CalendarFiles.STOCKHOLM),
                null);
    }

    /** A fixed point keeps its calendar item while its name stays, even when its time moves. */
    private static String fixedPointKey(String title) {
        return HexFormat.of().toHexDigits(title.strip().toLowerCase(Locale.ROOT).hashCode());
    }
}
