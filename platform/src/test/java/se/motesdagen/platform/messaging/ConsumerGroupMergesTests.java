package se.motesdagen.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.motesdagen.platform.test.EmbeddedKafka;

/** Merging consumer groups on a real (embedded) broker: where the new group starts, and that it happens once. */
class ConsumerGroupMergesTests {

    private static Admin admin;

    private final String topic = "merge-" + UUID.randomUUID();
    private final String merged = "merged-" + UUID.randomUUID();
    private final String first = "first-" + UUID.randomUUID();
    private final String second = "second-" + UUID.randomUUID();
    private final ConsumerGroupMerges.Merge merge =
            new ConsumerGroupMerges.Merge(topic, merged, List.of(first, second), null);

    @BeforeAll
    static void connect() {
        admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers("platform-merges")));
    }

    @AfterAll
    static void close() {
        admin.close();
    }

    @Test
    void theNewGroupStartsWhereTheSlowestOldGroupStoodOnEachPartition() throws Exception {
        createTopic(3);
        commit(first, Map.of(0, 40L, 1, 7L, 2, 12L));
        commit(second, Map.of(0, 35L, 1, 9L, 2, 12L));

        new ConsumerGroupMerges(admin, List.of(merge)).run(Duration.ofSeconds(30));

        assertThat(offsets(merged)).isEqualTo(Map.of(0, 35L, 1, 7L, 2, 12L));
    }

    @Test
    void aPartitionAnOldGroupNeverCommittedOnIsLeftToTheStartOffset() throws Exception {
        createTopic(2);
        commit(first, Map.of(0, 40L, 1, 7L));
        commit(second, Map.of(0, 35L));

        new ConsumerGroupMerges(admin, List.of(merge)).run(Duration.ofSeconds(30));

        assertThat(offsets(merged))
                .as("partition 1 is read from the start, as the second group would have")
                .isEqualTo(Map.of(0, 35L));
    }

    @Test
    void aGroupThatHasCommittedIsNeverMovedAgain() throws Exception {
        createTopic(1);
        commit(first, Map.of(0, 40L));
        commit(second, Map.of(0, 35L));
        commit(merged, Map.of(0, 90L));

        assertThat(new ConsumerGroupMerges(admin, List.of(merge)).merge(merge)).isEmpty();
        assertThat(offsets(merged)).isEqualTo(Map.of(0, 90L));
    }

    @Test
    void withNoOldGroupsTheNewOneIsLeftToItsStartOffset() throws Exception {
        createTopic(1);

        new ConsumerGroupMerges(admin, List.of(merge)).run(Duration.ofSeconds(30));

        assertThat(offsets(merged)).isEmpty();
        var fromNothing = new ConsumerGroupMerges.Merge(topic, merged, List.of(), List.of());
        assertThat(new ConsumerGroupMerges(admin, List.of(fromNothing)).merge(fromNothing))
                .as("a merge that names no old group")
                .isEmpty();
    }

    private void createTopic(int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                .all()
                .get(10, TimeUnit.SECONDS);
    }

    private void commit(String group, Map<Integer, Long> offsets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        offsets.forEach((partition, offset) ->
                committed.put(new TopicPartition(topic, partition), new OffsetAndMetadata(offset)));
        admin.alterConsumerGroupOffsets(group, committed).all().get(10, TimeUnit.SECONDS);
    }

    private Map<Integer, Long> offsets(String group) throws Exception {
        Map<Integer, Long> offsets = new HashMap<>();
        admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS)
                .forEach((partition, offset) -> {
                    if (offset != null && partition.topic().equals(topic)) {
                        offsets.put(partition.partition(), offset.offset());
                    }
                });
        return offsets;
    }
}
