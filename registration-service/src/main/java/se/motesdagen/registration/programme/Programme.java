package se.motesdagen.registration.programme;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import se.motesdagen.platform.web.PublicPageCache;

/** What other features may ask about the days and their programmes. */
@Service
public class Programme {

    private final DayRepository days;
    private final Clock clock;
    private final PublicPageCache pages;

    Programme(DayRepository days, Clock clock, PublicPageCache pages) {
        this.days = days;
        this.clock = clock;
        this.pages = pages;
    }

    /** The day, published or not: links in e-mails and staff pages keep working for a draft. */
    public Optional<Day> day(String dayId) {
        return days.findById(dayId);
    }

    /** The day as the public may see it: drafts are not there. */
    public Optional<Day> publishedDay(String dayId) {
        return days.findById(dayId).filter(Day::isPublished);
    }

    /** Every day, the latest first: the staff's programme list. */
    public List<Day> allDays() {
        return days.findAll(Sort.by(Sort.Direction.DESC, "date"));
    }

    /** Stores a new day; false if the id is taken. */
    public boolean create(Day day) {
        try {
            days.insert(day);
            pages.evict();
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /** Stores the changed day. The seats follow a changed capacity when they are next touched; see Seats. */
    public Day save(Day day) {
        Day saved = days.save(day);
        pages.evict();
        return saved;
    }

    /** The days held before the date. */
    public List<Day> daysBefore(LocalDate date) {
        return days.findByDateLessThan(date);
    }

    /** The days held on or after the date, the earliest first, published or not. */
    public List<Day> daysFrom(LocalDate date) {
        return days.findByDateGreaterThanEqualOrderByDateAsc(date);
    }

    /** The next day to come, for the start page. */
    public Optional<Day> nextDay() {
        return daysFrom(LocalDate.now(clock.withZone(Day.ZONE))).stream()
                .filter(Day::isPublished)
                .findFirst();
    }
}
