package se.motesdagen.registration.signup;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.seats.Seats;

/**
 * Removes registrations nobody confirmed, soon after their link expired, as the privacy notice
 * promises: they name a person who may never have asked to be registered (anyone can type a public
 * organisationsnummer and an address), and they hold no place. One whose event still waits in the
 * outbox is left for the next round, so nothing is deleted before it was published.
 */
@Component
public class UnconfirmedRegistrations {

    private static final Logger log = LoggerFactory.getLogger(UnconfirmedRegistrations.class);

    private final MongoOperations mongo;
    private final Programme programme;
    private final Seats seats;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Duration keptAfterExpiry;

    UnconfirmedRegistrations(
            MongoOperations mongo,
            Programme programme,
            Seats seats,
            Clock clock,
            MeterRegistry meters,
            @Value("${motesdagen.registration.unconfirmed-kept-after-expiry:P1D}") Duration keptAfterExpiry) {
        this.mongo = mongo;
        this.programme = programme;
        this.seats = seats;
        this.clock = clock;
        this.meters = meters;
        this.keptAfterExpiry = keptAfterExpiry;
    }

    /** Deletes what expired longer ago than the registrations are kept after expiry. */
    public void removeExpired() {
        removeExpiredBefore(clock.instant().minus(keptAfterExpiry));
    }

    /**
     * Deletes every unconfirmed registration whose link expired before the moment, after giving up the
     * places it still has on waiting lists; returns how many.
     */
    public long removeExpiredBefore(Instant expiredBefore) {
        Query expired = Query.query(Criteria.where("status")
                .is(Registration.Status.PENDING)
                .and("confirmationExpiresAt")
                .lt(expiredBefore)
                .and("outbox.0")
                .exists(false));
        expired.fields().include("_id", "dayId");
        long removed = 0;
        for (Registration registration : mongo.find(expired, Registration.class)) {
            // a crash after this leaves a registration without places, which the next round removes
            programme.day(registration.getDayId()).ifPresent(day -> seats.release(day, registration.getId()));
            Query stillExpired =
                    Query.of(expired).addCriteria(Criteria.where("_id").is(registration.getId()));
            removed += mongo.remove(stillExpired, Registration.class).getDeletedCount();
        }
        mongo.remove(Query.query(Criteria.where("expiresAt").lt(expiredBefore)), MergedSubmission.class);
        if (removed > 0) {
            meters.counter("motesdagen.registrations.unconfirmed.removed").increment(removed);
            log.info(
                    "Removed {} unconfirmed registrations whose confirm link expired before {}",
                    removed,
                    expiredBefore);
        }
        return removed;
    }
}
