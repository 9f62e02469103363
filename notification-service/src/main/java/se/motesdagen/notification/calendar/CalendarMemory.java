package se.motesdagen.notification.calendar;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What we have put in somebody's calendar and not taken out again, per owner (a registration, a visit,
 * a host's day). The events that take things out (a cancellation, a shorter itinerary) do not list
 * what was in; this does.
 */
@Component
public class CalendarMemory {

    private final MongoOperations mongo;

    CalendarMemory(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** The owner's calendar now holds {@code items}: they are remembered, and what was in before but is no longer is returned (and forgotten). */
    public List<CalendarFiles.Item> replace(String owner, List<CalendarFiles.Item> items) {
        remember(owner, items);
        Set<String> current = items.stream().map(CalendarFiles.Item::uid).collect(Collectors.toSet());
        List<CalendarFiles.Item> gone = sent(owner).stream()
                .filter(item -> !current.contains(item.uid()))
                .toList();
        forget(gone);
        return gone;
    }

    public void remember(String owner, List<CalendarFiles.Item> items) {
        for (CalendarFiles.Item item : items) {
            mongo.save(SentItem.of(owner, item));
        }
    }

    /** Everything the owner has in a calendar from us, forgotten as it is returned (it is about to be cancelled). */
    public List<CalendarFiles.Item> takeAll(String owner) {
        List<CalendarFiles.Item> everything = sent(owner);
        forget(everything);
        return everything;
    }

    /** Erasure: nothing of the owner's is kept. */
    /**
     * Notes which registration each item is about when it is in someone else's calendar (a host's item
     * for a company's visit names the company's contact), so that the registration's erasure finds it.
     */
    public void mention(Map<String, String> registrationByUid) {
        registrationByUid.forEach((uid, registrationId) -> mongo.updateFirst(
                Query.query(Criteria.where("_id").is(uid)),
                new Update().set("mentions", registrationId),
                SentItem.class));
    }

    /**
     * A registration erased: the items in others' calendars that are about it keep their uid and time
     * (so they can still be taken out of the calendar) and lose what names its people.
     */
    public void forgetMentionsOf(String registrationId) {
        mongo.updateMulti(
                Query.query(Criteria.where("mentions").is(registrationId)),
                new Update().unset("description").unset("location").unset("mentions"),
                SentItem.class);
    }

    public void forgetAll(String owner) {
        mongo.remove(Query.query(Criteria.where("owner").is(owner)), SentItem.class);
    }

    private void forget(List<CalendarFiles.Item> items) {
        if (!items.isEmpty()) {
            mongo.remove(
                    Query.query(Criteria.where("_id")
                            .in(items.stream().map(CalendarFiles.Item::uid).toList())),
                    SentItem.class);
        }
    }

    private List<CalendarFiles.Item> sent(String owner) {
        return mongo.find(Query.query(Criteria.where("owner").is(owner)), SentItem.class).stream()
                .map(SentItem::item)
                .toList();
    }

    /** An item we put in somebody's calendar and have not taken out again. */
    @Document("calendarItems")
    record SentItem(
            @Id String uid,
            @Indexed String owner,
            String summary,
            String description,
            String location,
            String link,
            Instant start,
            Instant end,
            LocalDate day) {

        static SentItem of(String owner, CalendarFiles.Item item) {
            return new SentItem(
                    item.uid(),
                    owner,
                    item.summary(),
                    item.description(),
                    item.location(),
                    item.link() == null ? null : item.link().toString(),
                    item.start() == null ? null : item.start().toInstant(),
                    item.end() == null ? null : item.end().toInstant(),
                    item.day());
        }

        CalendarFiles.Item item() {
            return new CalendarFiles.Item(
                    uid,
                    summary,
                    description,
                    location,
                    link == null ? null : URI.create(link),
                    start == null ? null : start.atZone(CalendarFiles.STOCKHOLM),
                    end == null ? null : end.atZone(CalendarFiles.STOCKHOLM),
                    day);
        }
    }
}
