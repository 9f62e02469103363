package se.motesdagen.visit.request;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A day and a stretch of it as staff type them, {@code 2027-08-26 09:00-17:00} (a full stop for the
 * colon and an en dash for the hyphen also do): when a host is free, when a company can receive.
 */
public record DayTimes(LocalDate day, LocalTime from, LocalTime to) {

    private static final Pattern TEXT =
            Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})\\s+(\\d{1,2}[:.]\\d{2})\\s*[-–]\\s*(\\d{1,2}[:.]\\d{2})$");

    /** The day and times the text gives; empty when it gives none, or an end that is not after the start. */
    public static Optional<DayTimes> parse(String text) {
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.parse(m.group(1));
            LocalTime from = LocalTime.parse(pad(m.group(2)));
            LocalTime to = LocalTime.parse(pad(m.group(3)));
            return to.isAfter(from) ? Optional.of(new DayTimes(day, from, to)) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String pad(String time) {
        String t = time.replace('.', ':');
        return t.length() == 4 ? "0" + t : t;
    }
}
