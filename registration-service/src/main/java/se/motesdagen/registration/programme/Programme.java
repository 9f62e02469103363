package se.motesdagen.registration.programme;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import se.motesdagen.platform.web.PublicPageCache;

/** What other features may ask about the days and their programmes. */
@Service
public class Programme {

    private final DayRepository events;
    private final Clock clock;
    private final PublicPageCache pages;

    Programme(DayRepository events, Clock clock, PublicPageCache pages) {
        this.events = events;
        this.clock = clock;
        this.pages = pages;
    }

    /** The day, published or not: links in e-mails and staff pages keep working for a draft. */
    public Optional<Day> event(String eventId) {
        return events.findById(eventId);
    }

    /** The day as the public may see it: drafts are not there. */
    public Optional<Day> publishedEvent(String eventId) {
        return events.findById(eventId).filter(Day::isPublished);
    }

    /** Every day, the latest first: the staff's programme list. */
    public List<Day> allDays() {
        return events.findAll(
                org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC, "date"));
    }

    /** Stores a new day; false if the id is taken. */
    public boolean create(Day day) {
        try {
            events.insert(day);
            pages.evict();
            return true;
        } catch (org.springframework.dao.DuplicateKeyException taken) {
            return false;
        }
    }

    /** Stores the changed day. The seats follow a changed capacity when they are next touched; see Seats. */
    public Day save(Day day) {
        Day saved = events.save(day);
        pages.evict();
        return saved;
    }

    /** The days held before the date. */
    public java.util.List<Day> daysBefore(LocalDate date) {
        return events.findByDateLessThan(date);
    }

    /** The next day to come, for the start page. */
    public Optional<Day> nextEvent() {
        return events.findByDateGreaterThanEqualOrderByDateAsc(LocalDate.now(clock.withZone(Day.ZONE))).stream()
                .filter(Day::isPublished)
                .findFirst();
    }
}
