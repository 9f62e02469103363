package se.motesdagen.registration.programme;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What other features may ask about the days and their programmes. */
@Service
public class Programme {

    private final DayRepository events;
    private final Clock clock;

    Programme(DayRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public Optional<Day> event(String eventId) {
        return events.findById(eventId);
    }

    /** The days held before the date. */
    public java.util.List<Day> daysBefore(LocalDate date) {
        return events.findByDateLessThan(date);
    }

    /** The next day to come, for the start page. */
    public Optional<Day> nextEvent() {
        return events.findByDateGreaterThanEqualOrderByDateAsc(LocalDate.now(clock.withZone(Day.ZONE))).stream()
                .findFirst();
    }
}
