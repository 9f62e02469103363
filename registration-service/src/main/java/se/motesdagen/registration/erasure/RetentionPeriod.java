package se.motesdagen.registration.erasure;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.signup.Registration;

/**
 * Keeps the promise of the privacy notice: registrations are kept at most the retention period (24
 * months by default) after their day, then their personal data is erased the same way as on request,
 * logged in each registration's timeline with the reason "retention", and announced to the other
 * services. The figures (how many, which sessions) stay.
 */
@Component
public class RetentionPeriod {

    private static final Logger log = LoggerFactory.getLogger(RetentionPeriod.class);

    private final Programme programme;
    private final Erasure erasure;
    private final MongoOperations mongo;
    private final Clock clock;
    private final Period retention;

    RetentionPeriod(
            Programme programme,
            Erasure erasure,
            MongoOperations mongo,
            Clock clock,
            @Value("${motesdagen.registration.retention:P24M}") Period retention) {
        this.programme = programme;
        this.erasure = erasure;
        this.mongo = mongo;
        this.clock = clock;
        this.retention = retention;
    }

    /** Erases what has passed its retention period as of today in Stockholm. */
    public int eraseExpired() {
        return eraseExpired(LocalDate.now(clock.withZone(Day.ZONE)));
    }

    /** Erases every registration of the days that ended more than the retention period before today. */
    public int eraseExpired(LocalDate today) {
        int erased = 0;
        for (Day day : programme.daysBefore(today.minus(retention))) {
            Query kept = Query.query(
                    Criteria.where("dayId").is(day.id()).and("erasedAt").isNull());
            kept.fields().include("_id");
            for (Registration registration : mongo.find(kept, Registration.class)) {
                if (erasure.erase(registration.getId(), "retention")) {
                    erased++;
                }
            }
        }
        if (erased > 0) {
            log.info("Erased {} registrations whose retention period of {} had run out", erased, retention);
        }
        return erased;
    }
}
