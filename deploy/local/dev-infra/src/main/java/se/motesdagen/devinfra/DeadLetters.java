package se.motesdagen.devinfra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Shows and replays dead letters. What has been replayed is remembered as the committed offsets of
 * the consumer group {@value #REPLAY_GROUP} (the services' {@code motesdagen_events_dead_letters}
 * metric counts from the same offsets), so each dead letter is replayed once, after the fix that lets
 * it succeed. A replayed event goes back to the topic it came from with its key, its CloudEvents
 * headers and its id; consumers that had handled it already recognise the id and do nothing.
 *
 * <pre>
 *   DeadLetters                 every dead-letter topic and how many wait in it
 *   DeadLetters list TOPIC      the waiting dead letters of one topic, with the reason each failed
 *   DeadLetters replay TOPIC    send them back to their topic and mark them replayed
 * </pre>
 */
public final class DeadLetters {

    static final String REPLAY_GROUP = "motesdagen-dead-letter-replay";

    private final String bootstrapServers;

    DeadLetters(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public static void main(String[] args) throws Exception {
        DeadLetters tool = new DeadLetters(System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        switch (args.length == 0 ? "overview" : args[0]) {
            case "overview" -> tool.overview();
            case "list" -> tool.list(topic(args));
            case "replay" ->
                System.out.printf("Replayed %d dead letter(s) of %s.%n", tool.replay(topic(args)), topic(args));
            default -> {
                System.err.println("Usage: dead-letters [list TOPIC | replay TOPIC]");
                System.exit(2);
            }
        }
    }

    private static String topic(String[] args) {
        if (args.length < 2) {
            System.err.println("Name the dead-letter topic, e.g. registration.events.notification-registration.dlq");
            System.exit(2);
        }
        return args[1];
    }

    void overview() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> topics = new TreeSet<>(admin.listTopics().names().get(10, TimeUnit.SECONDS));
            topics.removeIf(t -> !t.endsWith(".dlq"));
            if (topics.isEmpty()) {
                System.out.println("No dead-letter topics.");
            }
            for (String topic : topics) {
                System.out.printf("%-60s %d waiting%n", topic, waiting(topic).size());
            }
        }
    }

    void list(String topic) {
        List<ConsumerRecord<byte[], byte[]>> waiting = waiting(topic);
        for (ConsumerRecord<byte[], byte[]> record : waiting) {
            System.out.printf(
                    "%s-%d@%d  %s  %s  key=%s%n    reason: %s%n",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    header(record, "ce_id"),
                    header(record, "ce_type"),
                    record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8),
                    header(record, "x-exception-message"));
        }
        System.out.printf("%d dead letter(s) waiting in %s.%n", waiting.size(), topic);
    }

    /** Sends every waiting dead letter back to its topic, then marks them replayed; returns how many. */
    int replay(String topic) {
        List<ConsumerRecord<byte[], byte[]>> waiting = waiting(topic);
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class))) {
            for (ConsumerRecord<byte[], byte[]> record : waiting) {
                String original = header(record, "x-original-topic");
                if (original.isEmpty()) {
                    original = topic.substring(0, topic.indexOf(".", topic.indexOf(".") + 1)); // <topic>.<group>.dlq
                }
                ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(original, record.key(), record.value());
                for (Header h : record.headers()) {
                    if (!h.key().startsWith("x-")) {
                        again.headers().add(h);
                    }
                }
                producer.send(again).get(10, TimeUnit.SECONDS);
                done.put(
                        new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1));
            }
        } catch (Exception e) {
            throw new IllegalStateException("Replay stopped: " + e, e);
        }
        if (!done.isEmpty()) {
            try (KafkaConsumer<byte[], byte[]> marker = consumer()) {
                marker.commitSync(done);
            }
        }
        return waiting.size();
    }

    /** The dead letters after the replay group's committed offsets, up to the end of the topic now. */
    List<ConsumerRecord<byte[], byte[]>> waiting(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata from = committed.get(partition);
                consumer.seek(partition, from == null ? starts.get(partition) : from.offset());
            }
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                }
            }
            return records;
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                REPLAY_GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
