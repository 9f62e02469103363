package se.motesdagen.registration.overview;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import se.motesdagen.platform.metrics.StoredCount;
import se.motesdagen.platform.metrics.StoredCount.Row;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.seats.Seats;
import se.motesdagen.registration.seats.SessionFill;
import se.motesdagen.registration.signup.Registration;

/**
 * What the registration store holds now, as gauges for the operators' dashboards: registrations per day
 * and state, and the seats of each session of the days to come (free, seated, held, waiting).
 */
@Configuration(proxyBeanMethods = false)
class CurrentFigures {

    /**
     * Every day and state has a figure, 0 when no registration is in it, so a panel or an alert reads a
     * zero rather than nothing once the last registration of a state is erased or removed.
     */
    @Bean
    StoredCount registrationsByState(MongoOperations mongo, Programme programme) {
        return new StoredCount(
                "motesdagen.registrations.current", "Registrations stored now, per day and state", () -> {
                    Map<String, Map<String, Long>> byDay = new TreeMap<>();
                    for (Day day : programme.allDays()) {
                        byDay.put(day.id(), zeroPerState());
                    }
                    mongo.aggregate(
                                    newAggregation(
                                            group("dayId", "status").count().as("count")),
                                    Registration.class,
                                    Document.class)
                            .forEach(group -> {
                                Document id = group.get("_id", Document.class);
                                byDay.computeIfAbsent(String.valueOf(id.get("dayId")), none -> zeroPerState())
                                        .put(
                                                String.valueOf(id.get("status")).toLowerCase(Locale.ROOT),
                                                ((Number) group.get("count")).longValue());
                            });
                    List<Row> rows = new ArrayList<>();
                    byDay.forEach((dayId, counts) ->
                            counts.forEach((state, count) -> rows.add(Row.of(count, "event", dayId, "state", state))));
                    return rows;
                });
    }

    private static Map<String, Long> zeroPerState() {
        Map<String, Long> counts = new TreeMap<>();
        for (Registration.Status status : Registration.Status.values()) {
            counts.put(status.name().toLowerCase(Locale.ROOT), 0L);
        }
        return counts;
    }

    @Bean
    StoredCount seatsBySession(Programme programme, Seats seats, Clock clock) {
        return new StoredCount(
                "motesdagen.seats.current", "Seats of each session of the days to come, by state", () -> {
                    List<Row> rows = new ArrayList<>();
                    for (Day day : programme.daysFrom(LocalDate.now(clock.withZone(Day.ZONE)))) {
                        for (SessionFill fill : seats.fill(day)) {
                            rows.add(seatRow(day, fill, "free", fill.free()));
                            rows.add(seatRow(day, fill, "seated", fill.seated()));
                            rows.add(seatRow(day, fill, "held", fill.held()));
                            rows.add(seatRow(day, fill, "waiting", fill.waiting()));
                        }
                    }
                    return rows;
                });
    }

    private static Row seatRow(Day day, SessionFill fill, String state, long value) {
        return Row.of(value, "event", day.id(), "session", fill.sessionId(), "state", state);
    }
}
