package se.motesdagen.platform.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Carries a trace across the outbox: the trace context of the request that made the change is stored
 * with the event, and the relay publishes inside a span that continues it. Kafka's own observation then
 * puts {@code traceparent} on the record, so one registration is one trace from form to every consumer.
 */
public class OutboxTracing {

    static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public OutboxTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The event with the current trace context, or unchanged outside a trace. */
    OutboxEvent stamp(OutboxEvent event) {
        Span current = tracer.currentSpan();
        if (current == null) {
            return event;
        }
        Map<String, String> carrier = new HashMap<>();
        TraceContext context = current.context();
        propagator.inject(context, carrier, Map::put);
        return event.withTraceParent(carrier.get(TRACEPARENT));
    }

    /** Starts the publication in a span that continues the event's trace (a new trace when it has none). */
    <T> T publishWithin(OutboxEvent event, Supplier<T> publication) {
        Span.Builder builder = event.traceParent() == null
                ? tracer.spanBuilder()
                : propagator.extract(Map.of(TRACEPARENT, event.traceParent()), Map::get);
        Span span =
                builder.name("outbox publish").tag("event.type", event.type()).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return publication.get();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
