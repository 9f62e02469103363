package se.motesdagen.registration.system.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    OutboxRelay outboxRelay(
            MongoOperations mongo,
            EventPublisher publisher,
            OutboxTracing tracing,
            @Value("${motesdagen.outbox.collections}") List<String> collections,
            @Value("${motesdagen.outbox.batch-size:100}") int batchSize,
            @Value("${motesdagen.outbox.full-scan-interval:PT5S}") Duration fullScanInterval,
            Clock clock,
            MeterRegistry meters) {
        OutboxRelay relay =
                new OutboxRelay(mongo, publisher, tracing, collections, batchSize, fullScanInterval, clock, meters);
        Gauge.builder("motesdagen.outbox.aggregates.waiting", relay, OutboxRelay::aggregatesWaiting)
                .description("Aggregates with events not yet acknowledged by Kafka")
                .register(meters);
        return relay;
    }

    @Bean
    OutboxTracing outboxTracing(Tracer tracer, Propagator propagator) {
        return new OutboxTracing(tracer, propagator);
    }

    @Bean
    OutboxSchedule outboxSchedule(OutboxRelay relay) {
        return new OutboxSchedule(relay);
    }

    /** Polls on a fixed delay when idle, so a slow round never overlaps the next. */
    static class OutboxSchedule {

        private final OutboxRelay relay;

        OutboxSchedule(OutboxRelay relay) {
            this.relay = relay;
        }

        @Scheduled(fixedDelayString = "${motesdagen.outbox.poll-interval:200ms}")
        void relay() {
            int sent;
            do {
                sent = relay.relayRound();
            } while (sent > 0); // a backlog is worked off at once; the fixed delay applies only when idle
        }

        /** Every save of an aggregate with waiting events tells the relay where to look. */
        @EventListener
        void hintRelay(AfterSaveEvent<?> saved) {
            Document document = saved.getDocument();
            if (document != null && document.get(OutboxRelay.OUTBOX) instanceof List<?> outbox && !outbox.isEmpty()) {
                relay.hint(saved.getCollectionName(), document.get("_id"));
            }
        }
    }
}
