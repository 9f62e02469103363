package se.motesdagen.registration.system.outbox;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;

/**
 * An integration event waiting in its aggregate's document to be published. It is written in the same
 * single-document update as the state change it reports, so either both happen or neither does.
 *
 * @param id the CloudEvents id, stable across retries so consumers can deduplicate
 * @param type the versioned CloudEvents type, which also names the contract schema
 * @param subject the aggregate id, used as the Kafka message key and {@code ce_subject}
 * @param payload the JSON body, already serialised so what was validated is what is sent
 */
public record OutboxEvent(@Id String id, String type, String subject, Instant occurredAt, String payload) {

    public static OutboxEvent of(String type, String subject, Instant occurredAt, String payload) {
        return new OutboxEvent(UUID.randomUUID().toString(), type, subject, occurredAt, payload);
    }
}
