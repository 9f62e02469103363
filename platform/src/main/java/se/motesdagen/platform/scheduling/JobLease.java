package se.motesdagen.platform.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A scheduled job that runs on one instance at a time when several run: the instance that holds the
 * job's lease (a document in {@code jobLeases}, taken with one atomic find-and-modify) runs it; the
 * others skip that round. A holder that dies leaves a lease that runs out after its time, and the next
 * instance to ask takes it over. Each lease is also fenced: a holder that stalled past its time and finds
 * another holder stops ({@link #holds}).
 */
public class JobLease {

    static final String COLLECTION = "jobLeases";

    private final MongoOperations mongo;
    private final Clock clock;
    private final String holder;

    public JobLease(MongoOperations mongo, Clock clock) {
        this(mongo, clock, UUID.randomUUID().toString());
    }

    JobLease(MongoOperations mongo, Clock clock, String holder) {
        this.mongo = mongo;
        this.clock = clock;
        this.holder = holder;
    }

    /**
     * Takes or renews the job's lease for {@code time}; false when another instance holds it. Ask at the
     * start of every round, with a time longer than a round takes.
     */
    public boolean acquire(String job, Duration time) {
        Instant now = clock.instant();
        Query free = Query.query(Criteria.where("_id")
                .is(job)
                .orOperator(
                        Criteria.where("until").lte(now),
                        Criteria.where("holder").is(holder)));
        try {
            return mongo.findAndModify(
                            free,
                            new Update()
                                    .set("holder", holder)
                                    .set("until", now.plus(time))
                                    .set("takenAt", now),
                            FindAndModifyOptions.options().upsert(true).returnNew(true),
                            Document.class,
                            COLLECTION)
                    != null;
        } catch (DuplicateKeyException heldByAnother) {
            return false; // the upsert met the other holder's lease
        }
    }

    /** Whether this instance still holds the job's lease now (checked before a step that must not run twice). */
    public boolean holds(String job) {
        Document lease = mongo.findById(job, Document.class, COLLECTION);
        return lease != null
                && holder.equals(lease.getString("holder"))
                && lease.getDate("until").toInstant().isAfter(clock.instant());
    }

    /** Gives the lease up (on shutdown), so another instance need not wait for it to run out. */
    public void release(String job) {
        mongo.remove(Query.query(Criteria.where("_id").is(job).and("holder").is(holder)), COLLECTION);
    }
}
