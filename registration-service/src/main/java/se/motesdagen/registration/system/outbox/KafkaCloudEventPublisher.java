package se.motesdagen.registration.system.outbox;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.function.cloudevent.CloudEventMessageBuilder;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

/**
 * Publishes through the {@code registration-events} binding as a CloudEvent in Kafka binary mode:
 * attributes in {@code ce_*} headers, JSON body, aggregate id as the key. The binding is synchronous
 * (see application.yml), so a return means the broker has the event.
 */
@Component
class KafkaCloudEventPublisher implements EventPublisher {

    static final String BINDING = "registration-events";

    private final StreamBridge streamBridge;
    private final String source;

    KafkaCloudEventPublisher(StreamBridge streamBridge, @Value("${spring.application.name}") String applicationName) {
        this.streamBridge = streamBridge;
        this.source = "/" + applicationName;
    }

    @Override
    public void publish(OutboxEvent event) {
        Message<byte[]> message = CloudEventMessageBuilder.withData(
                        event.payload().getBytes(StandardCharsets.UTF_8))
                .setId(event.id())
                .setSource(source)
                .setType(event.type())
                .setSubject(event.subject())
                .setTime(event.occurredAt().atOffset(ZoneOffset.UTC))
                .setDataContentType(MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader(KafkaHeaders.KEY, event.subject())
                .build(CloudEventMessageUtils.KAFKA_ATTR_PREFIX);
        if (!streamBridge.send(BINDING, message, MimeTypeUtils.APPLICATION_JSON)) {
            throw new IllegalStateException("The binding " + BINDING + " did not accept event " + event.id());
        }
    }
}
