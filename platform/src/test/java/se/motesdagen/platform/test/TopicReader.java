package se.motesdagen.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Reads a topic from the beginning, as any consumer of the contract would, to see what was published. */
public final class TopicReader {

    private final String bootstrapServers;

    public TopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Every record on the topic with this key, oldest first. */
    public List<PublishedEvent> read(String topic, String key) {
        return read(topic, key::equals);
    }

    /** Every record on the topic whose key passes, oldest first per partition. */
    public List<PublishedEvent> read(String topic, Predicate<String> keys) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<PublishedEvent> found = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (keys.test(record.key())) {
                        found.add(new PublishedEvent(
                                record.key(),
                                header(record, "ce_type").orElse(null),
                                header(record, "ce_id").orElse(null),
                                header(record, "ce_source").orElse(null),
                                header(record, "ce_specversion").orElse(null),
                                header(record, "ce_subject").orElse(null),
                                header(record, "ce_time").orElse(null),
                                record.value()));
                    }
                }
            }
            return found;
        }
    }

    /**
     * The one event of this type under this key, once it is there: fails unless exactly one arrives
     * within 30 seconds and no second one follows for a second (an event published once however often
     * its cause was delivered), and unless it keeps its contract.
     */
    public PublishedEvent awaitOnlyOne(String topic, String key, String type) {
        List<PublishedEvent> found = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .during(Duration.ofSeconds(1))
                .until(
                        () -> read(topic, key).stream()
                                .filter(event -> event.type().equals(type))
                                .toList(),
                        events -> events.size() == 1);
        PublishedEvent event = found.getFirst();
        List<String> violations = ContractSchemas.violations(type, event.body());
        if (!violations.isEmpty()) {
            throw new AssertionError(type + " breaks its contract: " + violations);
        }
        return event;
    }

    private static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return Optional.ofNullable(header).map(h -> new String(h.value(), StandardCharsets.UTF_8));
    }

    public record PublishedEvent(
            String key,
            String type,
            String id,
            String source,
            String specVersion,
            String subject,
            String time,
            String body) {}
}
