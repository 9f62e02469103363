package se.motesdagen.notification.mail;

import java.time.Duration;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One e-mail, from the moment an event asked for it until it was delivered or given up. The id is the
 * event id plus the template, so the same event delivered twice finds the message already there: one
 * event, one e-mail, without a separate processed-events table.
 */
@Document("messages")
@CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}")
public class OutgoingMessage {

    @Id
    private String id;

    private String eventId;
    private String template;

    @Indexed
    private String registrationId;

    private String recipient;
    private String subject;
    private String body;
    private Status status;
    private int attempts;
    private Instant createdAt;
    private Instant nextAttemptAt;
    private Instant sentAt;
    private String lastError;
    private String leaseToken;

    protected OutgoingMessage() {}

    OutgoingMessage(
            String eventId,
            String template,
            String registrationId,
            String recipient,
            String subject,
            String body,
            Instant now) {
        this.id = idFor(eventId, template);
        this.eventId = eventId;
        this.template = template;
        this.registrationId = registrationId;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.status = Status.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    static String idFor(String eventId, String template) {
        return eventId + ":" + template;
    }

    /** Back-off after a failed attempt: 30 s, 1 min, 2 min … capped at 30 min; gives up after maxAttempts. */
    static Duration backOff(int attempts) {
        long seconds = 30L << Math.min(attempts - 1, 6);
        return Duration.ofSeconds(Math.min(seconds, 1800));
    }

    public enum Status {
        PENDING,
        SENDING,
        SENT,
        FAILED,
        /** Not sent on purpose: the recipient has had as many of this kind today as anyone should get. */
        SUPPRESSED
    }

    public String getId() {
        return id;
    }

    public String getEventId() {
        return eventId;
    }

    public String getTemplate() {
        return template;
    }

    public String getRegistrationId() {
        return registrationId;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getLastError() {
        return lastError;
    }

    String getLeaseToken() {
        return leaseToken;
    }

    /** While SENDING, the moment the sender's lease runs out. */
    Instant getLeaseUntil() {
        return nextAttemptAt;
    }

    void suppress() {
        status = Status.SUPPRESSED;
        body = SecretLinks.redact(body); // never sent: no link needs keeping
    }
}
