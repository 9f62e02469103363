package se.motesdagen.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes CloudEvents the way the contract says producers do: binary mode, ce_* headers, key = subject. */
public final class CloudEventProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public CloudEventProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    public void send(String topic, String id, String type, String subject, String json) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, subject, json.getBytes(StandardCharsets.UTF_8));
        header(record, "ce_id", id);
        header(record, "ce_type", type);
        header(record, "ce_source", "/test");
        header(record, "ce_specversion", "1.0");
        header(record, "ce_subject", subject);
        header(record, "ce_time", "2027-06-01T10:15:30Z");
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Sends a contract's example as a new event (a fresh id) about {@code subject}, with each pair of
     * {@code replacements} ("what", "with") swapped in: the example's ids for the test's own.
     */
    public void sendExample(String topic, String type, String subject, String... replacements) {
        if (replacements.length % 2 != 0) {
            throw new IllegalArgumentException("Replacements come in pairs: what, with");
        }
        String json = example(type);
        for (int i = 0; i < replacements.length; i += 2) {
            json = json.replace(replacements[i], replacements[i + 1]);
        }
        send(topic, UUID.randomUUID().toString(), type, subject, json);
    }

    /** The example body of a contract type, as committed in {@code contracts/examples}. */
    public static String example(String type) {
        try (InputStream in = CloudEventProducer.class.getResourceAsStream("/contracts/examples/" + type + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("No contract example for " + type);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(ProducerRecord<?, ?> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
