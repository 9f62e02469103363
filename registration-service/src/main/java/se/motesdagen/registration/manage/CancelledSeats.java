package se.motesdagen.registration.manage;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.seats.Seats;
import se.motesdagen.registration.signup.Registration;

/**
 * Gives up the seats of cancelled and erased registrations. A cancellation or an erasure is stored with
 * a mark that its seats are still taken; the mark is cleared once they are given up. The request does
 * both at once; this sweep finishes what a process that died in between left undone.
 */
@Component
public class CancelledSeats {

    private static final Logger log = LoggerFactory.getLogger(CancelledSeats.class);
    /** Leaves the request that is cancelling right now to finish on its own. */
    private static final Duration LEFT_TO_THE_REQUEST = Duration.ofMinutes(1);

    private final MongoOperations mongo;
    private final Programme programme;
    private final Seats seats;
    private final Clock clock;

    CancelledSeats(MongoOperations mongo, Programme programme, Seats seats, Clock clock) {
        this.mongo = mongo;
        this.programme = programme;
        this.seats = seats;
        this.clock = clock;
    }

    public void release(Day day, String registrationId) {
        seats.release(day, registrationId);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(registrationId)),
                new Update().set("seatsToRelease", false),
                Registration.class);
    }

    /** Gives up the seats of every cancellation or erasure older than a minute whose seats are still marked taken. */
    public void sweep() {
        var before = clock.instant().minus(LEFT_TO_THE_REQUEST);
        Query unfinished = Query.query(Criteria.where("seatsToRelease")
                .is(true)
                .orOperator(
                        Criteria.where("cancelledAt").lt(before),
                        Criteria.where("erasedAt").lt(before)));
        unfinished.fields().include("_id", "dayId");
        for (Registration cancelled : mongo.find(unfinished, Registration.class)) {
            programme.day(cancelled.getDayId()).ifPresent(day -> {
                release(day, cancelled.getId());
                log.info("Gave up the seats of registration {} after an interruption", cancelled.getId());
            });
        }
    }
}
