package se.motesdagen.notification.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzName;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.validate.ValidationException;
import org.springframework.stereotype.Component;
import se.motesdagen.notification.mail.Attachment;
import se.motesdagen.notification.mail.MailSender;

/**
 * Calendar files (RFC 5545, iTIP methods of RFC 5546) made with iCal4j: one {@code VEVENT} per item with
 * a stable UID, times in Europe/Stockholm with its {@code VTIMEZONE}, location and link also in the
 * description (some programs show only that). {@code METHOD:REQUEST} adds or replaces the items;
 * {@code METHOD:CANCEL} removes them. A program replaces an item only by a higher {@code SEQUENCE}, so
 * the sequence is the moment of the change in seconds (see {@link #sequenceAt}): it grows with every
 * change even when two mails about the same registration are handled out of order.
 */
@Component
public class CalendarFiles {

    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final Instant SEQUENCE_EPOCH = Instant.parse("2025-01-01T00:00:00Z");
    private static final int FOLD_OCTETS = 75;
    /** Longer than any line we write: iCal4j leaves the folding to {@link #fold}. */
    private static final int UNFOLDED = 1_000_000;

    private static final String PRODUCT = "-//Mötesdagen//Mötesdagen notification service//SV";

    private final VTimeZone stockholm;
    private final MailSender sender;

    CalendarFiles(MailSender sender) {
        this.sender = sender;
        this.stockholm = stockholm();
    }

    /**
     * Europe/Stockholm as calendar programs expect it: today's rule only (summer time from the last
     * Sunday in March at 02.00 to the last Sunday in October at 03.00, EU rules since 1996). iCal4j's
     * own definition cannot be used as it is: the tz database makes Stockholm a link to Berlin, so it
     * comes out named Europe/Berlin, which no DTSTART here refers to.
     */
    private static VTimeZone stockholm() {
        Daylight summer = new Daylight(new PropertyList(List.of(
                new DtStart<>("19700329T020000"),
                new RRule<>("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"),
                new TzOffsetFrom(ZoneOffset.ofHours(1)),
                new TzOffsetTo(ZoneOffset.ofHours(2)),
                new TzName("CEST"))));
        Standard winter = new Standard(new PropertyList(List.of(
                new DtStart<>("19701025T030000"),
                new RRule<>("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"),
                new TzOffsetFrom(ZoneOffset.ofHours(2)),
                new TzOffsetTo(ZoneOffset.ofHours(1)),
                new TzName("CET"))));
        return new VTimeZone(
                new PropertyList(List.of(new TzId(STOCKHOLM.getId()))), new ComponentList<>(List.of(summer, winter)));
    }

    /**
     * One thing in somebody's calendar.
     *
     * @param uid stable for the thing across every mail about it
     * @param start a time in Stockholm, or null for a whole day ({@code day})
     * @param day the date of a whole-day item; ignored when {@code start} is given
     */
    public record Item(
            String uid,
            String summary,
            String description,
            String location,
            URI link,
            ZonedDateTime start,
            ZonedDateTime end,
            LocalDate day) {}

    /** Adds or replaces the items in the recipient's calendar. */
    public Attachment request(List<Item> items, Instant changedAt, String recipientName, String recipientEmail) {
        return attachment(ImmutableMethod.REQUEST, items, changedAt, recipientName, recipientEmail, "kalender.ics");
    }

    /** Removes the items from the recipient's calendar. */
    public Attachment cancel(List<Item> items, Instant changedAt, String recipientName, String recipientEmail) {
        return attachment(ImmutableMethod.CANCEL, items, changedAt, recipientName, recipientEmail, "avbokat.ics");
    }

    /** Seconds since 2025: an integer that grows with every change for the next sixty years. */
    static int sequenceAt(Instant changedAt) {
        return (int) Math.max(0, changedAt.getEpochSecond() - SEQUENCE_EPOCH.getEpochSecond());
    }

    private Attachment attachment(
            Method method,
            List<Item> items,
            Instant changedAt,
            String recipientName,
            String recipientEmail,
            String filename) {
        var calendar = new Calendar().withProdId(PRODUCT).withDefaults().withProperty(method);
        if (items.stream().anyMatch(item -> item.start() != null)) {
            calendar = calendar.withComponent(stockholm);
        }
        for (Item item : items) {
            calendar = calendar.withComponent(event(method, item, changedAt, recipientName, recipientEmail));
        }
        String type = "text/calendar; method=" + method.getValue() + "; charset=UTF-8";
        return Attachment.file(filename, type, write(calendar.getFluentTarget()));
    }

    /**
     * Validated, with lines folded at 75 octets and CRLF line ends, as RFC 5545 wants them. iCal4j folds
     * at 75 characters, which å, ä and ö (two octets each) can take past 75 octets, so it writes the
     * lines whole and they are folded here, never inside a character.
     */
    private static String write(Calendar calendar) {
        StringWriter text = new StringWriter();
        try {
            new CalendarOutputter(true, UNFOLDED).output(calendar, text);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("Cannot write the calendar file", e);
        }
        return fold(text.toString());
    }

    static String fold(String unfolded) {
        StringBuilder folded = new StringBuilder(unfolded.length() + unfolded.length() / 40);
        for (String line : unfolded.split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int length = utf8Length(codePoint);
                if (octets + length > FOLD_OCTETS) {
                    folded.append("\r\n ");
                    octets = 1;
                }
                folded.appendCodePoint(codePoint);
                octets += length;
                i += Character.charCount(codePoint);
            }
            folded.append("\r\n");
        }
        return folded.toString();
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }

    private VEvent event(Method method, Item item, Instant changedAt, String recipientName, String recipientEmail) {
        VEvent event = item.start() != null
                ? new VEvent(item.start(), item.end(), item.summary())
                : new VEvent(item.day(), item.summary());
        String description = item.description() == null ? "" : item.description() + "\n\n";
        if (item.location() != null) {
            description += item.location() + "\n";
        }
        if (item.link() != null) {
            description += item.link();
        }
        event.add(new Uid(item.uid()));
        event.add(new Sequence(sequenceAt(changedAt)));
        event.replace(new DtStamp(changedAt)); // the constructor stamps it with the clock; once only (RFC 5545)
        event.add(new Description(description.strip()));
        if (item.location() != null) {
            event.add(new Location(item.location()));
        }
        if (item.link() != null) {
            event.add(new Url(item.link()));
        }
        event.add(new Organizer(
                new ParameterList(List.of(new Cn(sender.unit() + ", " + sender.organisation()))),
                URI.create("mailto:" + sender.email())));
        event.add(new Attendee(
                new ParameterList(List.of(new Cn(recipientName), Role.REQ_PARTICIPANT, PartStat.ACCEPTED, Rsvp.FALSE)),
                URI.create("mailto:" + recipientEmail)));
        event.add(
                method == ImmutableMethod.CANCEL ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return event;
    }
}
