package se.motesdagen.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes the events that wait in the {@code outbox} array of aggregate documents and removes each
 * one once the broker has acknowledged it. At least once: a crash between the acknowledgement and the
 * removal publishes that event again, which consumers absorb because they deduplicate on the event id.
 *
 * <p>Two ways to find work. A save in this process {@linkplain #hint hints} the aggregate, which is
 * read by {@code _id} (indexed on every store) and published within one poll, without a lease: it is
 * this instance's own fresh write. A full scan every {@code fullScanInterval} is the safety net for
 * hints lost in a crash, events written by another instance and events that waited out a failure; it
 * only takes events older than {@code scanGrace} (so it leaves fresh ones to the instance that wrote
 * them) and claims each aggregate with a lease first, so two instances never publish the same one.
 *
 * <p>A round sends one event of each of its aggregates before waiting for any acknowledgement, then
 * removes what was acknowledged in one bulk write: the broker's and the store's round trips are paid
 * once per round, not once per event. An aggregate's events go out one after another, so they keep
 * their order. An aggregate whose event fails is retried with back-off on its own; the others go on.
 */
public class OutboxRelay {

    static final String OUTBOX = "outbox";
    static final String LEASE = "outboxLease";
    static final String RETRY_AT = "outboxRetryAt";
    static final String FAILURES = "outboxFailures";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration LEASE_TIME = Duration.ofSeconds(60);
    private static final Duration MAX_BACK_OFF = Duration.ofMinutes(5);
    private static final int MAX_HINTS_PER_ROUND = 1000;

    private final MongoOperations mongo;
    private final EventPublisher publisher;
    private final OutboxTracing tracing;
    private final List<String> collections;
    private final int batchSize;
    private final Duration fullScanInterval;
    private final Duration scanGrace;
    private final Duration acknowledgementTimeout;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();
    private final Counter published;
    private final Counter failed;
    private final Queue<Hint> hints = new ConcurrentLinkedQueue<>();
    private Instant nextFullScan = Instant.MIN;
    private volatile long aggregatesWaiting;
    private volatile double oldestWaitingSeconds;

    public OutboxRelay(
            MongoOperations mongo,
            EventPublisher publisher,
            OutboxTracing tracing,
            List<String> collections,
            int batchSize,
            Duration fullScanInterval,
            Duration scanGrace,
            Duration acknowledgementTimeout,
            Clock clock,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.tracing = tracing;
        this.collections = List.copyOf(collections);
        this.batchSize = batchSize;
        this.fullScanInterval = fullScanInterval;
        this.scanGrace = scanGrace;
        this.acknowledgementTimeout = acknowledgementTimeout;
        this.clock = clock;
        this.published = meters.counter("motesdagen.outbox.published");
        this.failed = meters.counter("motesdagen.outbox.publish.failures");
    }

    /** An aggregate of this collection was written with events waiting. */
    void hint(String collection, Object id) {
        if (collections.contains(collection)) {
            hints.add(new Hint(collection, id));
        }
    }

    /** The hinted aggregates, then a full scan when one is due; returns how many events went out. */
    public synchronized int relayRound() {
        Map<String, Set<Object>> hinted = new LinkedHashMap<>();
        Hint hint;
        for (int n = 0; n < MAX_HINTS_PER_ROUND && (hint = hints.poll()) != null; n++) {
            hinted.computeIfAbsent(hint.collection(), c -> new LinkedHashSet<>())
                    .add(hint.id());
        }
        int sent = 0;
        Instant now = clock.instant();
        for (var entry : hinted.entrySet()) {
            // one read for all hinted aggregates of the collection, in the order they were hinted
            Map<Object, Document> found = new LinkedHashMap<>();
            entry.getValue().forEach(id -> found.put(id, null));
            Query hintedIds = Query.query(Criteria.where("_id").in(entry.getValue()));
            for (Document aggregate : mongo.find(hintedIds, Document.class, entry.getKey())) {
                found.replace(aggregate.get("_id"), aggregate);
            }
            List<Document> aggregates = new ArrayList<>();
            for (Document aggregate : found.values()) {
                if (aggregate != null && isFree(aggregate, now)) {
                    aggregates.add(aggregate);
                }
            }
            sent += relay(entry.getKey(), aggregates, false);
        }
        if (!now.isBefore(nextFullScan)) {
            nextFullScan = now.plus(fullScanInterval);
            sent += relayPending();
        }
        return sent;
    }

    /** A full scan over every collection, claiming what is due; returns how many events went out. */
    public synchronized int relayPending() {
        int sent = 0;
        long waiting = 0;
        Instant oldest = null;
        Instant now = clock.instant();
        for (String collection : collections) {
            Query pending = Query.query(Criteria.where(OUTBOX + ".0").exists(true));
            pending.fields().include("_id", OUTBOX + ".occurredAt", LEASE, RETRY_AT);
            List<Object> due = new ArrayList<>();
            for (Document aggregate : mongo.find(pending, Document.class, collection)) {
                waiting++;
                Instant firstWaiting = firstOccurredAt(aggregate);
                if (oldest == null || (firstWaiting != null && firstWaiting.isBefore(oldest))) {
                    oldest = firstWaiting;
                }
                boolean pastGrace = firstWaiting == null || !firstWaiting.isAfter(now.minus(scanGrace));
                if (pastGrace && isFree(aggregate, now) && due.size() < batchSize) {
                    due.add(aggregate.get("_id"));
                }
            }
            List<Document> claimed = new ArrayList<>();
            for (Object id : due) {
                Document aggregate = claim(collection, id, now);
                if (aggregate != null) {
                    claimed.add(aggregate);
                }
            }
            sent += relay(collection, claimed, true);
        }
        aggregatesWaiting = Math.max(0, waiting - sent);
        oldestWaitingSeconds =
                oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
        return sent;
    }

    /** Aggregates with events not yet acknowledged, as of the last full scan. */
    public long aggregatesWaiting() {
        return aggregatesWaiting;
    }

    /** How long the oldest waiting event had waited at the last full scan, in seconds. */
    public double oldestWaitingSeconds() {
        return oldestWaitingSeconds;
    }

    /**
     * Sends the first waiting event of each of these aggregates, waits for the acknowledgements, then
     * removes what was acknowledged in one bulk write. One event per aggregate and round keeps each
     * aggregate's order even when an event fails after later ones were sent; an aggregate with more
     * waiting is hinted again, so the next round (at once, while there is work) sends the next one.
     * Returns how many events went out.
     */
    private int relay(String collection, List<Document> aggregates, boolean leased) {
        Map<Object, Sending> sending = new LinkedHashMap<>();
        Set<Object> haveMore = new LinkedHashSet<>();
        for (Document aggregate : aggregates) {
            List<OutboxEvent> events = eventsOf(aggregate);
            if (events.isEmpty()) {
                continue;
            }
            OutboxEvent event = events.getFirst();
            if (events.size() > 1) {
                haveMore.add(aggregate.get("_id"));
            }
            try {
                sending.put(
                        aggregate.get("_id"),
                        new Sending(
                                event,
                                tracing.publishWithin(event, () -> publisher.publish(event)),
                                failures(aggregate)));
            } catch (RuntimeException e) {
                // refused before sending (no broker metadata in time): the rest of the round would wait as long
                sending.put(
                        aggregate.get("_id"),
                        new Sending(event, CompletableFuture.failedFuture(e), failures(aggregate)));
                break;
            }
        }
        return settle(collection, sending, haveMore, leased);
    }

    private int settle(String collection, Map<Object, Sending> sending, Set<Object> haveMore, boolean leased) {
        if (sending.isEmpty()) {
            return 0;
        }
        Instant deadline = clock.instant().plus(acknowledgementTimeout);
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        int sent = 0;
        for (var entry : sending.entrySet()) {
            Sending s = entry.getValue();
            Throwable failure = awaitAcknowledgement(s.result(), deadline);
            Update update = new Update();
            if (failure == null) {
                // bumping the version makes a concurrent save of a stale copy fail instead of re-adding the event
                update.pull(OUTBOX, new Document("_id", s.event().id()))
                        .inc("version", 1)
                        .unset(RETRY_AT)
                        .unset(FAILURES);
                sent++;
                if (haveMore.contains(entry.getKey())) {
                    hints.add(new Hint(collection, entry.getKey()));
                }
            } else {
                failed.increment();
                log.warn(
                        "Could not publish {} {} yet; it stays in the outbox: {}",
                        s.event().type(),
                        s.event().id(),
                        failure.toString());
                update.set(RETRY_AT, clock.instant().plus(backOff(s.failuresBefore())))
                        .inc(FAILURES, 1);
            }
            if (leased) {
                update.unset(LEASE);
            }
            bulk.updateOne(byId(entry.getKey()), update);
        }
        bulk.execute();
        published.increment(sent);
        return sent;
    }

    private Throwable awaitAcknowledgement(CompletableFuture<?> result, Instant deadline) {
        long waitMillis =
                Math.max(1, Duration.between(clock.instant(), deadline).toMillis());
        try {
            result.get(waitMillis, TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    /** 1 s after the first failure, doubling up to five minutes. */
    private static Duration backOff(int failuresBefore) {
        Duration delay = Duration.ofSeconds(1L << Math.min(failuresBefore, 9));
        return delay.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : delay;
    }

    private static int failures(Document aggregate) {
        return aggregate.get(FAILURES) instanceof Number n ? n.intValue() : 0;
    }

    private Document claim(String collection, Object id, Instant now) {
        Query free = Query.query(Criteria.where("_id")
                .is(id)
                .and(OUTBOX + ".0")
                .exists(true)
                .orOperator(
                        Criteria.where(LEASE).exists(false),
                        Criteria.where(LEASE + ".until").lt(Date.from(now))));
        Update lease =
                new Update().set(LEASE, new Document("owner", owner).append("until", Date.from(now.plus(LEASE_TIME))));
        return mongo.findAndModify(
                free, lease, FindAndModifyOptions.options().returnNew(true), Document.class, collection);
    }

    /** Neither leased by another relay nor waiting for its back-off to end. */
    private boolean isFree(Document aggregate, Instant now) {
        if (aggregate.get(LEASE) instanceof Document lease
                && !owner.equals(lease.getString("owner"))
                && lease.getDate("until").toInstant().isAfter(now)) {
            return false;
        }
        Date retryAt = aggregate.getDate(RETRY_AT);
        return retryAt == null || !retryAt.toInstant().isAfter(now);
    }

    private static Query byId(Object id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static Instant firstOccurredAt(Document aggregate) {
        List<Document> outbox = aggregate.getList(OUTBOX, Document.class);
        if (outbox == null || outbox.isEmpty() || outbox.getFirst().getDate("occurredAt") == null) {
            return null;
        }
        return outbox.getFirst().getDate("occurredAt").toInstant();
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

    private record Sending(OutboxEvent event, CompletableFuture<?> result, int failuresBefore) {}
}
