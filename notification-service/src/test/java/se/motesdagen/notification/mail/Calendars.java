package se.motesdagen.notification.mail;

import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;

/** Reads a calendar file back with iCal4j, as a calendar program would, and checks it is valid RFC 5545. */
public final class Calendars {

    private Calendars() {}

    public static Calendar parse(ReceivedMail.File file) {
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(file.text()));
            calendar.validate();
            return calendar;
        } catch (Exception e) {
            throw new AssertionError("Not a valid calendar file: " + file.filename() + "\n" + file.text(), e);
        }
    }

    public static List<String> uids(Calendar calendar) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .map(e -> e.getProperty(Property.UID).orElseThrow().getValue())
                .toList();
    }

    public static VEvent event(Calendar calendar, String uid) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .filter(e ->
                        e.getProperty(Property.UID).orElseThrow().getValue().equals(uid))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No event " + uid + " in " + calendar));
    }

    public static int sequence(VEvent event) {
        return Integer.parseInt(
                event.getProperty(Property.SEQUENCE).orElseThrow().getValue());
    }

    /** The start as an instant, read through the file's own time zone. */
    public static Instant start(VEvent event) {
        DtStart<Temporal> start = event.<Temporal>getStartDate().orElseThrow();
        return Instant.from(start.getDate());
    }
}
