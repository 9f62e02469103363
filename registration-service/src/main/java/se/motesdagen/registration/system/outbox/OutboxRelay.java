package se.motesdagen.registration.system.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes the events that wait in the {@code outbox} array of the aggregate documents and removes
 * each one once the broker has acknowledged it. At least once: a crash between publish and removal
 * publishes that event again, which consumers absorb because they deduplicate on the event id.
 *
 * <p>Events of one aggregate go out in the order they were added; when one fails, the rest of that
 * aggregate waits for the next round so the order holds. A failure does not touch the aggregate, so
 * the business change stays accepted while Kafka is away.
 */
public class OutboxRelay {

    static final String OUTBOX = "outbox";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoOperations mongo;
    private final EventPublisher publisher;
    private final OutboxTracing tracing;
    private final List<String> collections;
    private final int batchSize;
    private final Counter published;
    private final Counter failed;

    public OutboxRelay(
            MongoOperations mongo,
            EventPublisher publisher,
            OutboxTracing tracing,
            List<String> collections,
            int batchSize,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.tracing = tracing;
        this.collections = List.copyOf(collections);
        this.batchSize = batchSize;
        this.published = meters.counter("motesdagen.outbox.published");
        this.failed = meters.counter("motesdagen.outbox.publish.failures");
    }

    /** One round over every collection; returns how many events went out. */
    public int relayPending() {
        int sent = 0;
        for (String collection : collections) {
            sent += relay(collection);
        }
        return sent;
    }

    /** How many aggregates have events waiting, for the health of the relay. */
    public long aggregatesWaiting() {
        return collections.stream()
                .mapToLong(c -> mongo.count(pendingQuery(), c))
                .sum();
    }

    private int relay(String collection) {
        Query query = pendingQuery().with(Sort.by("_id")).limit(batchSize);
        query.fields().include(OUTBOX);
        int sent = 0;
        for (Document aggregate : mongo.find(query, Document.class, collection)) {
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
                    return sent; // the broker is likely away: stop this round rather than time out on every document
                }
                mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(aggregate.get("_id"))),
                        // bumping the version makes a concurrent save of a stale copy fail instead of re-adding the
                        // event
                        new Update()
                                .pull(OUTBOX, new Document("_id", event.id()))
                                .inc("version", 1),
                        collection);
                published.increment();
                sent++;
            }
        }
        return sent;
    }

    private static Query pendingQuery() {
        return Query.query(Criteria.where(OUTBOX + ".0").exists(true));
    }

    private static List<OutboxEvent> eventsOf(Document aggregate) {
        return aggregate.getList(OUTBOX, Document.class).stream()
                .map(d -> new OutboxEvent(
                        d.getString("_id"),
                        d.getString("type"),
                        d.getString("subject"),
                        d.getDate("occurredAt").toInstant(),
                        d.getString("payload"),
                        d.getString("traceParent")))
                .toList();
    }
}
