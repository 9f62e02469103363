package se.motesdagen.notification.mail;

import com.mongodb.client.result.UpdateResult;
import java.time.Instant;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import se.motesdagen.platform.outbox.Outbox;

/**
 * The events this service publishes about its mails. Each is written into the message's own log entry
 * (its {@code outbox}) in the same update that records what happened, so the record and the event
 * never disagree; the platform's relay publishes it to {@code notification.events}.
 */
@Component
public class EmailEvents {

    static final String SENT_V1 = "se.motesdagen.notification.email-sent.v1";
    static final String FAILED_V1 = "se.motesdagen.notification.email-failed.v1";
    static final String BOUNCED_V1 = "se.motesdagen.notification.email-bounced.v1";

    private final Outbox outbox;

    EmailEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Writes the update of a delivered message with its EmailSent. */
    UpdateResult sent(Query which, Update update, OutgoingMessage message, Instant at) {
        return record(
                which,
                update,
                SENT_V1,
                message,
                new Sent(
                        message.getId(),
                        message.getTemplate(),
                        message.getRegistrationId(),
                        message.getRecipient(),
                        message.getEventId(),
                        message.getAttempts(),
                        at));
    }

    /** Writes the update of a message given up on with its EmailFailed. */
    UpdateResult failed(
            Query which, Update update, OutgoingMessage message, String reason, boolean permanent, Instant at) {
        return record(
                which,
                update,
                FAILED_V1,
                message,
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

    /** Writes the update of a message that bounced with its EmailBounced. */
    public UpdateResult bounced(
            Query which,
            Update update,
            OutgoingMessage message,
            String status,
            String diagnostic,
            boolean permanent,
            Instant at) {
        return record(
                which,
                update,
                BOUNCED_V1,
                message,
                new Bounced(
                        message.getId(),
                        message.getTemplate(),
                        message.getRegistrationId(),
                        message.getRecipient(),
                        message.getEventId(),
                        status,
                        diagnostic != null && diagnostic.length() > 1000 ? diagnostic.substring(0, 1000) : diagnostic,
                        permanent,
                        at));
    }

    /** Keyed by the registration the mail is about, so its reports stay in order with that registration's events. */
    private UpdateResult record(Query which, Update update, String type, OutgoingMessage message, Object payload) {
        String key = message.getRegistrationId() != null ? message.getRegistrationId() : message.getId();
        return outbox.updateFirst(which, update, OutgoingMessage.class, type, key, payload);
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
