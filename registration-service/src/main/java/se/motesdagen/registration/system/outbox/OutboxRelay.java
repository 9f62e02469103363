package se.motesdagen.registration.system.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes the events that wait in the {@code outbox} array of the aggregate documents and removes
 * each one once the broker has acknowledged it. At least once: a crash between publish and removal
 * publishes that event again, which consumers absorb because they deduplicate on the event id.
 *
 * <p>Two ways to find work. A save in this process {@linkplain #hint hints} the aggregate, which is
 * then read by {@code _id} — indexed on every store — so an event goes out within one poll. A full
 * scan for any aggregate with waiting events runs every {@code fullScanInterval} as the safety net:
 * for hints lost in a crash, events written by another instance, and events that waited out a broker
 * outage. (On the embedded store every query but one by {@code _id} is a full collection scan, which
 * is why the scan is not the fast path.)
 *
 * <p>Events of one aggregate go out in the order they were added; when one fails, the rest of that
 * aggregate waits so the order holds. A failure does not touch the aggregate, so the business change
 * stays accepted while Kafka is away.
 */
public class OutboxRelay {

    static final String OUTBOX = "outbox";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoOperations mongo;
    private final EventPublisher publisher;
    private final OutboxTracing tracing;
    private final List<String> collections;
    private final int batchSize;
    private final Duration fullScanInterval;
    private final Clock clock;
    private final Counter published;
    private final Counter failed;
    private final Queue<Hint> hints = new ConcurrentLinkedQueue<>();
    private Instant nextFullScan = Instant.MIN;

    public OutboxRelay(
            MongoOperations mongo,
            EventPublisher publisher,
            OutboxTracing tracing,
            List<String> collections,
            int batchSize,
            Duration fullScanInterval,
            Clock clock,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.tracing = tracing;
        this.collections = List.copyOf(collections);
        this.batchSize = batchSize;
        this.fullScanInterval = fullScanInterval;
        this.clock = clock;
        this.published = meters.counter("motesdagen.outbox.published");
        this.failed = meters.counter("motesdagen.outbox.publish.failures");
    }

    /** An aggregate of this collection was saved with events waiting. */
    public void hint(String collection, Object id) {
        if (collections.contains(collection)) {
            hints.add(new Hint(collection, id));
        }
    }

    /** The hinted aggregates, then a full scan when one is due; returns how many events went out. */
    public synchronized int relayRound() {
        Set<Hint> hinted = new LinkedHashSet<>();
        for (Hint hint; (hint = hints.poll()) != null; ) {
            hinted.add(hint);
        }
        int sent = 0;
        for (Hint hint : hinted) {
            Query byId = Query.query(Criteria.where("_id").is(hint.id()));
            byId.fields().include(OUTBOX);
            Document aggregate = mongo.findOne(byId, Document.class, hint.collection());
            int result = aggregate == null ? 0 : relay(aggregate, hint.collection());
            if (result < 0) {
                return sent; // the broker is away; the full scan finds these later
            }
            sent += result;
        }
        Instant now = clock.instant();
        if (!now.isBefore(nextFullScan)) {
            nextFullScan = now.plus(fullScanInterval);
            sent += relayPending();
        }
        return sent;
    }

    /** A full scan over every collection; returns how many events went out. */
    public synchronized int relayPending() {
        int sent = 0;
        for (String collection : collections) {
            Query query = pendingQuery().limit(batchSize);
            query.fields().include(OUTBOX);
            for (Document aggregate : mongo.find(query, Document.class, collection)) {
                int result = relay(aggregate, collection);
                if (result < 0) {
                    return sent; // the broker is likely away: stop rather than time out on every document
                }
                sent += result;
            }
        }
        return sent;
    }

    /** How many aggregates have events waiting, for the health of the relay. */
    public long aggregatesWaiting() {
        return collections.stream()
                .mapToLong(c -> mongo.count(pendingQuery(), c))
                .sum();
    }

    /** Publishes the aggregate's waiting events in order; the count sent, or -1 when one failed. */
    private int relay(Document aggregate, String collection) {
        int sent = 0;
        for (OutboxEvent event : eventsOf(aggregate)) {
            try {
                tracing.publishWithin(event, () -> publisher.publish(event));
            } catch (RuntimeException e) {
                failed.increment();
                log.warn(
                        "Could not publish {} {} yet; it stays in the outbox: {}",
                        event.type(),
                        event.id(),
                        e.toString());
                return -1;
            }
            mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(aggregate.get("_id"))),
                    // bumping the version makes a concurrent save of a stale copy fail instead of re-adding the event
                    new Update().pull(OUTBOX, new Document("_id", event.id())).inc("version", 1),
                    collection);
            published.increment();
            sent++;
        }
        return sent;
    }

    private static Query pendingQuery() {
        return Query.query(Criteria.where(OUTBOX + ".0").exists(true));
    }

    private static List<OutboxEvent> eventsOf(Document aggregate) {
        List<Document> outbox = aggregate.getList(OUTBOX, Document.class);
        if (outbox == null) {
            return List.of();
        }
        return outbox.stream()
                .map(d -> new OutboxEvent(
                        d.getString("_id"),
                        d.getString("type"),
                        d.getString("subject"),
                        d.getDate("occurredAt").toInstant(),
                        d.getString("payload"),
                        d.getString("traceParent")))
                .toList();
    }

    private record Hint(String collection, Object id) {}
}
