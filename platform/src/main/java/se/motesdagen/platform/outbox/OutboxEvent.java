package se.motesdagen.platform.outbox;

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
 * @param traceParent the W3C trace context of the change, so the trace goes on when the relay, on
 *     another thread and maybe much later, publishes the event; null when there was none
 */
public record OutboxEvent(
        @Id String id, String type, String subject, Instant occurredAt, String payload, String traceParent) {

    static OutboxEvent of(String type, String subject, Instant occurredAt, String payload) {
        return new OutboxEvent(UUID.randomUUID().toString(), type, subject, occurredAt, payload, null);
    }

    OutboxEvent withTraceParent(String traceParent) {
        return new OutboxEvent(id, type, subject, occurredAt, payload, traceParent);
    }
}
