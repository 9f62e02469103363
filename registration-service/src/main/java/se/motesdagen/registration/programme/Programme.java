package se.motesdagen.registration.programme;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import se.motesdagen.platform.web.PublicPageCache;

/**
 * What other features may ask about the days and their programmes. A day is read on every submission,
 * so it is kept in memory for a moment ({@code motesdagen.registration.day-cache}, as long as the public
 * page is): a change made here is seen at once, one made by another instance within that moment.
 */
@Service
public class Programme {

    private final DayRepository days;
    private final Clock clock;
    private final PublicPageCache pages;
    private final Duration kept;
    private final Map<String, Read> read = new ConcurrentHashMap<>();

    /** A day as read from the store, and when. */
    private record Read(Day day, Instant at) {}

    Programme(
            DayRepository days,
            Clock clock,
            PublicPageCache pages,
            @Value("${motesdagen.registration.day-cache:PT2S}") Duration kept) {
        this.days = days;
        this.clock = clock;
        this.pages = pages;
        this.kept = kept;
    }

    /** The day, published or not: links in e-mails and staff pages keep working for a draft. */
    public Optional<Day> day(String dayId) {
        Instant now = clock.instant();
        Read cached = read.get(dayId);
        if (cached != null && now.isBefore(cached.at().plus(kept))) {
            return Optional.of(cached.day());
        }
        Optional<Day> found = days.findById(dayId);
        // only days that exist are kept, so ids typed into an address never fill the map
        found.ifPresent(day -> read.put(dayId, new Read(day, now)));
        return found;
    }

    /** The day as the public may see it: drafts are not there. */
    public Optional<Day> publishedDay(String dayId) {
        return day(dayId).filter(Day::isPublished);
    }

    /** Every day, the latest first: the staff's programme list. */
    public List<Day> allDays() {
        return days.findAll(Sort.by(Sort.Direction.DESC, "date"));
    }

    /** Stores a new day; false if the id is taken. */
    public boolean create(Day day) {
        try {
            days.insert(day);
            read.remove(day.id());
            pages.evict();
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /** Stores the changed day. The seats follow a changed capacity when they are next touched; see Seats. */
    public Day save(Day day) {
        Day saved = days.save(day);
        read.remove(saved.id());
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
