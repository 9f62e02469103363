package se.motesdagen.platform.metrics;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;

import io.micrometer.core.instrument.Tags;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * A gauge of what a service's store holds now (registrations by state, seats free per session, visit
 * requests waiting for a plan), declared as a bean by the service that owns the data. The platform counts
 * every one of them on a timer of its own ({@link StoredCountGauges}), not at each scrape, so a scrape never
 * waits on the store; the figures are at most {@code motesdagen.metrics.stored-counts-interval} old.
 * Every instance counts the same store: query them with {@code max}, not {@code sum}.
 *
 * @param name the meter's name, e.g. {@code motesdagen.registrations.current}
 * @param description what one figure is
 * @param count reads the store and returns one row per combination of tags that exists now
 */
public record StoredCount(String name, String description, Supplier<List<Row>> count) {

    /**
     * How many documents of the type have each value of the field, in the values' order, a value no
     * document has included as 0 (so a dashboard shows the zero rather than nothing).
     */
    public static Map<String, Long> countBy(MongoOperations mongo, Class<?> type, String field, Enum<?>... values) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Enum<?> value : values) {
            counts.put(value.name(), 0L);
        }
        for (Document group :
                mongo.aggregate(newAggregation(group(field).count().as("count")), type, Document.class)) {
            counts.computeIfPresent(
                    String.valueOf(group.get("_id")), (value, none) -> ((Number) group.get("count")).longValue());
        }
        return counts;
    }

    /** One row per value, tagged {@code state} in lower case. */
    public static List<Row> byState(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(count -> Row.of(count.getValue(), "state", count.getKey().toLowerCase(Locale.ROOT)))
                .toList();
    }

    /** One figure and the tags that tell it from the others. */
    public record Row(Tags tags, long value) {

        /** A row with tags given as key, value, key, value… */
        public static Row of(long value, String... keyValues) {
            return new Row(Tags.of(keyValues), value);
        }
    }
}
