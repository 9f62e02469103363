package se.motesdagen.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox for a service that publishes: set {@code motesdagen.outbox.topic}; the relay publishes
 * from the collection of every entity that {@linkplain HasOutbox carries an outbox}. The topic is not created here: adding partitions to a topic that
 * exists would move keys between partitions and break the order of an aggregate's events, so topics
 * are declared with the cluster (the local stack's dev-infra, Strimzi resources in Kubernetes). The relay runs on a thread of its own, so a slow broker never holds
 * up the service's other scheduled work.
 */
@AutoConfiguration
@ConditionalOnProperty("motesdagen.outbox.topic")
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    OutboxTracing outboxTracing(Tracer tracer, Propagator propagator) {
        return new OutboxTracing(tracer, propagator);
    }

    @Bean
    EventPublisher outboxEventPublisher(
            KafkaProperties kafka,
            OutboxProperties outbox,
            ObservationRegistry observations,
            @Value("${spring.application.name}") String application) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // an event is gone from the outbox only when every in-sync replica has it, once and in order
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        producer.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        producer.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        producer.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
        template.setObservationRegistry(observations);
        template.setObservationEnabled(true); // puts the trace context on the record
        return new KafkaCloudEventPublisher(template, outbox.topic(), "/" + application);
    }

    @Bean
    OutboxRelay outboxRelay(
            MongoOperations mongo,
            MongoMappingContext mapping,
            EventPublisher publisher,
            OutboxTracing tracing,
            OutboxProperties outbox,
            Clock clock,
            MeterRegistry meters) {
        OutboxRelay relay = new OutboxRelay(
                mongo,
                publisher,
                tracing,
                collectionsWithAnOutbox(mapping),
                outbox.batchSize(),
                outbox.fullScanInterval(),
                outbox.scanGrace(),
                outbox.acknowledgementTimeout(),
                clock,
                meters);
        Gauge.builder("motesdagen.outbox.aggregates.waiting", relay, OutboxRelay::aggregatesWaiting)
                .description("Aggregates with events not yet acknowledged by Kafka, at the last full scan")
                .register(meters);
        Gauge.builder("motesdagen.outbox.oldest.age", relay, OutboxRelay::oldestWaitingSeconds)
                .description("How long the oldest waiting event had waited, at the last full scan")
                .baseUnit("seconds")
                .register(meters);
        return relay;
    }

    @Bean
    Outbox outbox(MongoOperations mongo, OutboxRelay relay, OutboxTracing tracing, JsonMapper json, Clock clock) {
        return new Outbox(mongo, relay, tracing, json, clock);
    }

    @Bean
    ErasureReceipts erasureReceipts(Outbox outbox, Clock clock) {
        return new ErasureReceipts(outbox, clock);
    }

    @Bean
    AccessAnswers accessAnswers(Outbox outbox, Clock clock) {
        return new AccessAnswers(outbox, clock);
    }

    /**
     * The collections of the entities that implement {@link HasOutbox}, each checked to map its {@code
     * outbox}; the platform's own {@link ErasureReceipt} and {@link AccessAnswer} among them, which no
     * service scans for.
     */
    static List<String> collectionsWithAnOutbox(MongoMappingContext mapping) {
        List<Class<? extends HasOutbox>> platformOwn = List.of(ErasureReceipt.class, AccessAnswer.class);
        platformOwn.forEach(mapping::getPersistentEntity);
        List<String> collections = new ArrayList<>();
        for (MongoPersistentEntity<?> entity : mapping.getPersistentEntities()) {
            if (HasOutbox.class.isAssignableFrom(entity.getType())) {
                MongoPersistentProperty field = entity.getPersistentProperty(OutboxRelay.OUTBOX);
                if (field == null || !OutboxRelay.OUTBOX.equals(field.getFieldName())) {
                    throw new IllegalStateException(entity.getType().getName()
                            + " implements HasOutbox but maps no field named '" + OutboxRelay.OUTBOX + "'");
                }
                collections.add(entity.getCollection());
            }
        }
        if (collections.size() == platformOwn.size()) {
            throw new IllegalStateException(
                    "motesdagen.outbox.topic is set, but no @Document entity implements HasOutbox");
        }
        return collections.stream().sorted().toList();
    }

    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskScheduler outboxScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("outbox-relay-");
        scheduler.setPoolSize(1);
        scheduler.initialize();
        return scheduler;
    }

    @Bean
    OutboxSchedule outboxSchedule(OutboxRelay relay, TaskScheduler outboxScheduler, OutboxProperties outbox) {
        OutboxSchedule schedule = new OutboxSchedule(relay);
        outboxScheduler.scheduleWithFixedDelay(schedule::relay, outbox.pollInterval());
        return schedule;
    }

    /** Polls on a fixed delay when idle, so a slow round never overlaps the next. */
    static class OutboxSchedule {

        private static final Logger log = LoggerFactory.getLogger(OutboxSchedule.class);

        private final OutboxRelay relay;

        OutboxSchedule(OutboxRelay relay) {
            this.relay = relay;
        }

        void relay() {
            try {
                while (relay.relayRound() > 0) {
                    // a backlog is worked off at once; the fixed delay applies only when idle
                }
            } catch (RuntimeException e) {
                // the store away: the scheduler must live on to try again
                log.warn("Outbox round failed: {}", e.toString());
            }
        }

        /** Every save of an aggregate with waiting events tells the relay where to look. */
        @EventListener
        void hintRelay(AfterSaveEvent<?> saved) {
            Document document = saved.getDocument();
            if (saved.getSource() instanceof HasOutbox aggregate
                    && !aggregate.outbox().isEmpty()
                    && document != null) {
                relay.hint(saved.getCollectionName(), document.get("_id"));
            }
        }
    }
}
