package se.motesdagen.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.motesdagen.platform.test.MutableClock;

/** The relay against the real MongoDB-compatible server, with a publisher that can be switched off. */
class OutboxRelayTests {

    private static MongoServer server;
    private static MongoClient client;
    private MongoTemplate mongo;
    private final List<OutboxEvent> published = new CopyOnWriteArrayList<>();
    private volatile boolean brokerAway;
    private final Set<String> unpublishable = ConcurrentHashMap.newKeySet();
    private OutboxRelay relay;
    private final MutableClock clock = new MutableClock(Instant.parse("2027-06-01T10:00:00Z"));

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void setUp() {
        mongo = new MongoTemplate(client, "outbox-tests");
        mongo.dropCollection("aggregates");
        relay = relay();
    }

    private OutboxRelay relay() {
        EventPublisher publisher = event -> {
            if (brokerAway || unpublishable.contains(event.id())) {
                return CompletableFuture.failedFuture(new IllegalStateException("broker not available"));
            }
            published.add(event);
            return CompletableFuture.completedFuture(null);
        };
        return new OutboxRelay(
                mongo,
                publisher,
                new OutboxTracing(Tracer.NOOP, Propagator.NOOP),
                List.of("aggregates"),
                100,
                Duration.ofMinutes(1),
                Duration.ofSeconds(10),
                Duration.ofSeconds(5),
                clock,
                new SimpleMeterRegistry());
    }

    @Test
    void publishesTheWaitingEventsOfAnAggregateInOrderAndRemovesThem() {
        OutboxEvent first = event("a1", "first");
        OutboxEvent second = event("a1", "second");
        save("a1", first, second);
        save("a2");

        int sent = relay.relayPending() + relay.relayRound(); // one event of an aggregate per round

        assertThat(sent).isEqualTo(2);
        assertThat(published).extracting(OutboxEvent::id).containsExactly(first.id(), second.id());
        assertThat(published.getFirst().payload()).isEqualTo("{\"n\":\"first\"}");
        assertThat(outboxOf("a1")).isEmpty();
        assertThat(relay.aggregatesWaiting()).isZero();
    }

    @Test
    void whenTheBrokerIsAwayTheEventsStayAndGoOutWhenItIsBack() {
        OutboxEvent event = event("a1", "only");
        save("a1", event);
        brokerAway = true;

        assertThat(relay.relayPending()).isZero();
        assertThat(outboxOf("a1")).hasSize(1);
        assertThat(relay.aggregatesWaiting()).isEqualTo(1);

        brokerAway = false;
        assertThat(relay.relayPending()).as("waits for its back-off").isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(relay.relayPending()).isEqualTo(1);
        assertThat(published).extracting(OutboxEvent::id).containsExactly(event.id());
        assertThat(outboxOf("a1")).isEmpty();
    }

    @Test
    void anEventThatCannotBePublishedHoldsUpOnlyItsOwnAggregate() {
        OutboxEvent stuck = event("a1", "stuck");
        OutboxEvent behindIt = event("a1", "behind");
        OutboxEvent other = event("a2", "other");
        save("a1", stuck, behindIt);
        save("a2", other);
        unpublishable.add(stuck.id());

        assertThat(relay.relayPending()).isEqualTo(1);

        assertThat(published).extracting(OutboxEvent::id).containsExactly(other.id());
        assertThat(outboxOf("a1"))
                .as("order kept: nothing behind the stuck event goes first")
                .hasSize(2);
        assertThat(outboxOf("a2")).isEmpty();
        clock.advance(Duration.ofMinutes(10));
        unpublishable.clear();
        assertThat(relay.relayPending() + relay.relayRound()).isEqualTo(2);
        assertThat(published).extracting(OutboxEvent::id).containsExactly(other.id(), stuck.id(), behindIt.id());
    }

    @Test
    void twoRelaysScanningTheSameCollectionPublishEveryEventOnce() throws Exception {
        List<OutboxEvent> events = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            OutboxEvent event = event("a" + i, "n" + i);
            events.add(event);
            save("a" + i, event);
        }
        OutboxRelay other = relay();
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                Future<Integer> first = instances.submit(relay::relayPending);
                Future<Integer> second = instances.submit(other::relayPending);
                first.get();
                second.get();
            }
        } finally {
            instances.shutdown();
        }

        assertThat(published)
                .extracting(OutboxEvent::id)
                .containsExactlyInAnyOrderElementsOf(
                        events.stream().map(OutboxEvent::id).toList());
    }

    @Test
    void theScanLeavesFreshEventsToTheInstanceThatWroteThem() {
        OutboxEvent fresh = OutboxEvent.of("se.motesdagen.test.happened.v1", "a1", clock.instant(), "{}");
        save("a1", fresh);

        assertThat(relay.relayPending()).isZero();
        assertThat(relay.aggregatesWaiting()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(11));
        assertThat(relay.relayPending()).isEqualTo(1);
    }

    @Test
    void removingAPublishedEventBumpsTheVersionSoAStaleSaveCannotBringItBack() {
        save("a1", event("a1", "only"));

        relay.relayPending();

        assertThat(mongo.findById("a1", Document.class, "aggregates")
                        .get("version", Number.class)
                        .longValue())
                .isEqualTo(1L);
    }

    @Test
    void theStateOfTheAggregateIsNeverTouched() {
        save("a1", event("a1", "only"));

        relay.relayPending();

        assertThat(mongo.findById("a1", Document.class, "aggregates").getString("state"))
                .isEqualTo("kept");
    }

    @Test
    void aHintedAggregateGoesOutAtOnceAndTheFullScanCatchesWhatWasNeverHinted() {
        relay.relayRound(); // the first round scans; the next is due in a minute
        OutboxEvent hinted = event("a1", "hinted");
        OutboxEvent unhinted = event("a2", "unhinted");
        save("a1", hinted);
        save("a2", unhinted);
        relay.hint("aggregates", "a1");
        relay.hint("some-other-collection", "a2");

        assertThat(relay.relayRound()).isEqualTo(1);
        assertThat(published).extracting(OutboxEvent::id).containsExactly(hinted.id());

        clock.advance(Duration.ofMinutes(1));
        assertThat(relay.relayRound()).isEqualTo(1);
        assertThat(published).extracting(OutboxEvent::id).containsExactly(hinted.id(), unhinted.id());
    }

    @Test
    void aHintThatFailsIsNotLostTheNextFullScanPublishesIt() {
        relay.relayRound();
        OutboxEvent event = event("a1", "only");
        save("a1", event);
        relay.hint("aggregates", "a1");
        brokerAway = true;

        assertThat(relay.relayRound()).isZero();

        brokerAway = false;
        assertThat(relay.relayRound()).as("no hint left and no scan due yet").isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(relay.relayRound()).isEqualTo(1);
        assertThat(published).extracting(OutboxEvent::id).containsExactly(event.id());
    }

    /** An event written a minute before the test's now, so the scan takes it at once. */
    private OutboxEvent event(String subject, String name) {
        return OutboxEvent.of(
                "se.motesdagen.test.happened.v1",
                subject,
                clock.instant().minus(Duration.ofMinutes(1)),
                "{\"n\":\"" + name + "\"}");
    }

    private void save(String id, OutboxEvent... events) {
        Document aggregate = new Document("_id", id).append("state", "kept").append("version", 0L);
        aggregate.append(
                "outbox",
                Arrays.stream(events)
                        .map(e -> new Document("_id", e.id())
                                .append("type", e.type())
                                .append("subject", e.subject())
                                .append("occurredAt", Date.from(e.occurredAt()))
                                .append("payload", e.payload()))
                        .toList());
        mongo.save(aggregate, "aggregates");
    }

    private List<Document> outboxOf(String id) {
        return mongo.findById(id, Document.class, "aggregates").getList("outbox", Document.class);
    }
}
