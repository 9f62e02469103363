package se.motesdagen.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many dead letters wait in each of this service's dead-letter topics and have not been replayed:
 * the topic's end offsets less what the replay command has committed for its consumer group
 * ({@value #REPLAY_GROUP}). Read from the broker, so the figure survives restarts and is the same on
 * every instance. Published as {@code motesdagen.events.dead.letters{topic}}; alert on anything above 0.
 */
public class DeadLetterMetrics implements AutoCloseable {

    /** The consumer group whose committed offsets mark what has been replayed (see deploy/local/dead-letters). */
    public static final String REPLAY_GROUP = "motesdagen-dead-letter-replay";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterMetrics.class);

    private final Admin admin;
    private final List<String> topics;
    private final Map<String, AtomicLong> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dead-letter-count");
        thread.setDaemon(true);
        return thread;
    });

    public DeadLetterMetrics(Admin admin, List<String> topics, MeterRegistry meters) {
        this.admin = admin;
        this.topics = List.copyOf(topics);
        for (String topic : topics) {
            AtomicLong count = waiting.computeIfAbsent(topic, t -> new AtomicLong());
            Gauge.builder("motesdagen.events.dead.letters", count, AtomicLong::get)
                    .description("Events in the dead-letter topic that have not been replayed")
                    .tag("topic", topic)
                    .register(meters);
        }
    }

    /** Reads the offsets again; keeps the last figures when the broker does not answer. */
    public void refresh() {
        for (String topic : topics) {
            try {
                waiting.get(topic).set(count(topic));
            } catch (Exception e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    log.debug("Could not count the dead letters of {}: {}", topic, e.toString());
                }
            }
        }
    }

    private long count(String topic) throws Exception {
        List<TopicPartition> partitions = admin
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get(5, TimeUnit.SECONDS)
                .get(topic)
                .partitions()
                .stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                        partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all()
                .get(5, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin.listOffsets(
                        partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest())))
                .all()
                .get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> replayed = admin.listConsumerGroupOffsets(REPLAY_GROUP)
                .partitionsToOffsetAndMetadata()
                .get(5, TimeUnit.SECONDS);
        long total = 0;
        for (TopicPartition partition : partitions) {
            long start = starts.get(partition).offset();
            OffsetAndMetadata done = replayed.get(partition);
            long from = done == null ? start : Math.max(start, done.offset());
            total += Math.max(0, ends.get(partition).offset() - from);
        }
        return total;
    }

    /** Counts now and then every {@code interval} on a daemon thread of its own. */
    public DeadLetterMetrics start(Duration interval) {
        timer.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
