package se.motesdagen.notification.mail;

import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import se.motesdagen.platform.outbox.OutboxEvent;
import se.motesdagen.platform.outbox.OutboxRelay;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events this service publishes about its mails. Each is written into the message's own log entry
 * (its {@code outbox}) in the same update that records what happened, so the record and the event
 * never disagree; the platform's relay publishes it to {@code notification.events}.
 */
@Component
class EmailEvents {

    static final String SENT_V1 = "se.motesdagen.notification.email-sent.v1";
    static final String FAILED_V1 = "se.motesdagen.notification.email-failed.v1";
    static final String BOUNCED_V1 = "se.motesdagen.notification.email-bounced.v1";
    static final String COLLECTION = "messages";

    private final JsonMapper json;
    private final Consumer<String> hint;

    @Autowired
    EmailEvents(JsonMapper json, ObjectProvider<OutboxRelay> relay) {
        this(json, id -> relay.ifAvailable(r -> r.hint(COLLECTION, id)));
    }

    EmailEvents(JsonMapper json, Consumer<String> hint) {
        this.json = json;
        this.hint = hint;
    }

    OutboxEvent sent(OutgoingMessage message, Instant at) {
        return event(
                SENT_V1,
                message,
                at,
                new Sent(
                        message.getId(),
                        message.getTemplate(),
                        message.getRegistrationId(),
                        message.getRecipient(),
                        message.getEventId(),
                        message.getAttempts(),
                        at));
    }

    OutboxEvent failed(OutgoingMessage message, String reason, boolean permanent, Instant at) {
        return event(
                FAILED_V1,
                message,
                at,
                new Failed(
                        message.getId(),
                        message.getTemplate(),
                        message.getRegistrationId(),
                        message.getRecipient(),
                        message.getEventId(),
                        reason.length() > 1000 ? reason.substring(0, 1000) : reason,
                        permanent,
                        message.getAttempts(),
                        at));
    }

    OutboxEvent bounced(OutgoingMessage message, Bounces.Bounce bounce, Instant at) {
        String diagnostic = bounce.diagnostic();
        return event(
                BOUNCED_V1,
                message,
                at,
                new Bounced(
                        message.getId(),
                        message.getTemplate(),
                        message.getRegistrationId(),
                        message.getRecipient(),
                        message.getEventId(),
                        bounce.status(),
                        diagnostic != null && diagnostic.length() > 1000 ? diagnostic.substring(0, 1000) : diagnostic,
                        bounce.permanent(),
                        at));
    }

    /** The message's log entry has an event waiting: publish it now rather than at the next scan. */
    void written(String messageId) {
        hint.accept(messageId);
    }

    private OutboxEvent event(String type, OutgoingMessage message, Instant at, Object payload) {
        String key = message.getRegistrationId() != null ? message.getRegistrationId() : message.getId();
        return OutboxEvent.of(type, key, at, json.writeValueAsString(payload));
    }

    record Sent(
            String messageId,
            String kind,
            String registrationId,
            String recipient,
            String causedBy,
            int attempts,
            Instant sentAt) {}

    record Bounced(
            String messageId,
            String kind,
            String registrationId,
            String recipient,
            String causedBy,
            String status,
            String diagnostic,
            boolean permanent,
            Instant bouncedAt) {}

    record Failed(
            String messageId,
            String kind,
            String registrationId,
            String recipient,
            String causedBy,
            String reason,
            boolean permanent,
            int attempts,
            Instant failedAt) {}
}
