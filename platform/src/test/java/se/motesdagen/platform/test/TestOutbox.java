package se.motesdagen.platform.test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.data.mongodb.core.MongoOperations;
import se.motesdagen.platform.outbox.Outbox;
import se.motesdagen.platform.outbox.OutboxRelay;
import se.motesdagen.platform.outbox.OutboxTracing;
import tools.jackson.databind.json.JsonMapper;

/** An outbox for tests that build a feature by hand: events are written into the documents, and no relay publishes them. */
public final class TestOutbox {

    private TestOutbox() {}

    public static Outbox unpublished(MongoOperations mongo, Clock clock, String... collections) {
        OutboxTracing tracing = new OutboxTracing(Tracer.NOOP, Propagator.NOOP);
        OutboxRelay relay = new OutboxRelay(
                mongo,
                event -> CompletableFuture.failedFuture(new IllegalStateException("not published in this test")),
                tracing,
                List.of(collections),
                100,
                Duration.ofHours(1),
                Duration.ofHours(1),
                Duration.ofSeconds(1),
                clock,
                new SimpleMeterRegistry());
        return new Outbox(mongo, relay, tracing, JsonMapper.builder().build(), clock);
    }
}
