package se.motesdagen.devinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The dead-letter command against a real (embedded) broker: it shows what waits and replays it once. */
class DeadLettersTests {

    static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void startBroker() {
        kafka = new EmbeddedKafkaKraftBroker(1, 1, "orders", "orders.billing.dlq");
        kafka.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        kafka.destroy();
    }

    @Test
    void aDeadLetterIsReplayedToItsTopicWithItsIdOnceAndThenNoLongerWaits() throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            ProducerRecord<byte[], byte[]> dead =
                    new ProducerRecord<>("orders.billing.dlq", bytes("order-1"), bytes("{\"n\":1}"));
            dead.headers().add("ce_id", bytes("event-1"));
            dead.headers().add("ce_type", bytes("se.motesdagen.test.happened.v1"));
            dead.headers().add("x-original-topic", bytes("orders"));
            dead.headers().add("x-exception-message", bytes("store was away"));
            producer.send(dead).get();
        }
        DeadLetters tool = new DeadLetters(kafka.getBrokersAsString());

        assertThat(tool.waiting("orders.billing.dlq")).hasSize(1);
        assertThat(tool.replay("orders.billing.dlq")).isEqualTo(1);

        List<ConsumerRecord<byte[], byte[]>> replayed = read("orders");
        assertThat(replayed).hasSize(1);
        ConsumerRecord<byte[], byte[]> again = replayed.getFirst();
        assertThat(new String(again.key(), StandardCharsets.UTF_8)).isEqualTo("order-1");
        assertThat(new String(again.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .isEqualTo("event-1");
        assertThat(again.headers().lastHeader("x-exception-message")).isNull();
        assertThat(tool.waiting("orders.billing.dlq")).isEmpty();
        assertThat(tool.replay("orders.billing.dlq")).as("replayed once only").isZero();
        assertThat(read("orders")).hasSize(1);
    }

    private static List<ConsumerRecord<byte[], byte[]>> read(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "reader-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 5000;
            while (System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            }
            return records;
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
