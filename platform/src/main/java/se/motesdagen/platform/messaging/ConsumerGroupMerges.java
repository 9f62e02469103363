package se.motesdagen.platform.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a consumer from several consumer groups on one topic to one group, without losing or skipping
 * an event: before the bindings start, a group that has committed nothing on the topic yet is set, partition
 * by partition, to where the slowest of the groups it replaces stood. Events the faster groups had already
 * handled are read once more, which the handlers bear (each is idempotent per event id); a partition on
 * which any old group has committed nothing is left unset, so the new group reads it from its start offset,
 * as that old group would have. A group that has committed on the topic is never touched, so this runs
 * once per merge however often the service starts, and on any number of instances at once. The old groups
 * are left as they were, so the previous version can still be rolled back to.
 */
public final class ConsumerGroupMerges {

    private static final Logger log = LoggerFactory.getLogger(ConsumerGroupMerges.class);
    private static final long TIMEOUT_SECONDS = 10;

    /**
     * One merge: the group a binding reads {@code topic} in now, and the groups it replaces there.
     *
     * @param deadLetterTopics the replaced groups' dead-letter topics, still counted so letters left in them are seen
     */
    public record Merge(String topic, String group, List<String> from, List<String> deadLetterTopics) {

        public Merge {
            from = from == null ? List.of() : List.copyOf(from);
            deadLetterTopics = deadLetterTopics == null ? List.of() : List.copyOf(deadLetterTopics);
        }
    }

    private final Admin admin;
    private final List<Merge> merges;

    public ConsumerGroupMerges(Admin admin, List<Merge> merges) {
        this.admin = admin;
        this.merges = List.copyOf(merges);
    }

    /** Does every merge, trying again while the broker does not answer, for at most {@code patience}. */
    public void run(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        for (Merge merge : merges) {
            Duration pause = Duration.ofMillis(500);
            while (true) {
                try {
                    merge(merge);
                    break;
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() + pause.toNanos() > deadline) {
                        throw new IllegalStateException(
                                "Could not move " + merge.from() + " on " + merge.topic() + " to " + merge.group(), e);
                    }
                    log.warn("Moving consumer groups to {} failed, trying again: {}", merge.group(), e.toString());
                    Thread.sleep(pause.toMillis());
                    pause = Collections.min(List.of(pause.multipliedBy(2), Duration.ofSeconds(5)));
                }
            }
        }
    }

    /** The offsets committed to the new group, or nothing when it had its own already or the old had none. */
    Map<TopicPartition, OffsetAndMetadata> merge(Merge merge)
            throws ExecutionException, TimeoutException, InterruptedException {
        if (!committed(merge.group(), merge.topic()).isEmpty()) {
            return Map.of();
        }
        List<Map<TopicPartition, OffsetAndMetadata>> old = new ArrayList<>();
        for (String group : merge.from()) {
            old.add(committed(group, merge.topic()));
        }
        Map<TopicPartition, OffsetAndMetadata> slowest = new HashMap<>();
        partitions:
        for (TopicPartition partition :
                old.isEmpty() ? Set.<TopicPartition>of() : old.getFirst().keySet()) {
            long least = Long.MAX_VALUE;
            for (Map<TopicPartition, OffsetAndMetadata> offsets : old) {
                OffsetAndMetadata offset = offsets.get(partition);
                if (offset == null) {
                    continue partitions; // that group would have read this partition from its start offset
                }
                least = Math.min(least, offset.offset());
            }
            slowest.put(partition, new OffsetAndMetadata(least, "merged from " + merge.from()));
        }
        if (slowest.isEmpty()) {
            return Map.of();
        }
        try {
            admin.alterConsumerGroupOffsets(merge.group(), slowest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // another instance started first and its consumer already joined the group: it did the merge
            if (!committed(merge.group(), merge.topic()).isEmpty()) {
                return Map.of();
            }
            throw e;
        }
        Map<Integer, Long> byPartition = new TreeMap<>();
        slowest.forEach((partition, offset) -> byPartition.put(partition.partition(), offset.offset()));
        log.info(
                "Consumer group {} starts on {} where the slowest of {} stood, partition=offset: {}",
                merge.group(),
                merge.topic(),
                merge.from(),
                byPartition);
        return slowest;
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group, String topic)
            throws ExecutionException, TimeoutException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .forEach((partition, offset) -> {
                    if (offset != null && partition.topic().equals(topic)) {
                        offsets.put(partition, offset);
                    }
                });
        return offsets;
    }
}
