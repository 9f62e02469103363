package se.motesdagen.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes a CloudEvent in Kafka binary mode: attributes in {@code ce_*} headers, JSON body, the
 * aggregate id as the key so one aggregate's events stay in one partition and in order. The producer
 * is idempotent with {@code acks=all} (see {@link OutboxAutoConfiguration}), so a completed future means
 * every in-sync replica has the event.
 */
public class KafkaCloudEventPublisher implements EventPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final String source;

    public KafkaCloudEventPublisher(KafkaTemplate<String, byte[]> kafka, String topic, String source) {
        this.kafka = kafka;
        this.topic = topic;
        this.source = source;
    }

    @Override
    public CompletableFuture<?> publish(OutboxEvent event) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, event.subject(), event.payload().getBytes(StandardCharsets.UTF_8));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", event.id());
        header(record, "ce_source", source);
        header(record, "ce_type", event.type());
        header(record, "ce_subject", event.subject());
        header(record, "ce_time", DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
        header(record, "content-type", "application/json");
        return kafka.send(record);
    }

    private static void header(ProducerRecord<?, ?> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
