package se.motesdagen.visit.planning;

import java.time.Duration;
import java.time.LocalDateTime;

/** A stretch of time on one day, in Stockholm local time: when a company can receive, when hosts are free. */
public record Window(LocalDateTime from, LocalDateTime to) {

    public Window {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("A window ends after it starts: " + from + "–" + to);
        }
    }

    /** Whether something starting then and lasting so long fits inside. */
    boolean fits(LocalDateTime start, Duration length) {
        return !start.isBefore(from) && !start.plus(length).isAfter(to);
    }

    /** Whether it overlaps [start, start + length). */
    boolean overlaps(LocalDateTime start, Duration length) {
        return start.isBefore(to) && start.plus(length).isAfter(from);
    }

    /** Minutes of [start, start + length) that fall inside. */
    long overlapMinutes(LocalDateTime start, Duration length) {
        LocalDateTime end = start.plus(length);
        return Math.max(0, Duration.between(max(start, from), min(end, to)).toMinutes());
    }

    /** Minutes of [start, start + length) that fall outside. */
    long minutesOutside(LocalDateTime start, Duration length) {
        LocalDateTime end = start.plus(length);
        long before = Math.max(0, Duration.between(start, min(end, from)).toMinutes());
        long after = Math.max(0, Duration.between(max(start, to), end).toMinutes());
        return before + after;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }
}
