package se.motesdagen.notification.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import se.motesdagen.platform.outbox.HasOutbox;
import se.motesdagen.platform.outbox.OutboxEvent;
import se.motesdagen.platform.security.LinkSeal;

/**
 * One e-mail, from the moment an event asked for it until it was delivered or given up. The id is the
 * event id plus the template, so the same event delivered twice finds the message already there: one
 * event, one e-mail, without a separate processed-events table.
 */
@Document("messages")
@CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}")
public class OutgoingMessage implements HasOutbox {

    @Id
    private String id;

    private String eventId;
    private String template;

    @Indexed
    private String registrationId;

    private String recipient;
    private String subject;
    /** The plain-text part, which is also what the log searches and shows first. */
    private String body;

    /** The HTML part. */
    private String html;

    private List<Attachment> attachments;
    /** EmailSent, EmailFailed or EmailBounced until the relay has published it (written by update, see EmailEvents). */
    private List<OutboxEvent> outbox = new ArrayList<>();

    private Status status;
    private int attempts;
    private Instant createdAt;
    private Instant nextAttemptAt;
    private Instant sentAt;
    private String lastError;

    /** The Message-ID header it went out with, so a bounce that quotes only that finds it. */
    @Indexed(sparse = true)
    private String mimeMessageId;

    private String leaseToken;

    /** Where the recipient stops getting mails like this one (List-Unsubscribe, RFC 2369 and 8058); null for most. */
    private String unsubscribeUrl;

    /** The other registrations whose people the text names (a host's itinerary): erasures find the mail by them. */
    @Indexed(sparse = true)
    private List<String> mentions;

    /** For a copy staff sent again: the message it copies, who sent it again and why. */
    private String resentFrom;

    private String resentBy;
    private String resendReason;

    protected OutgoingMessage() {}

    @Override
    public List<OutboxEvent> outbox() {
        return outbox;
    }

    public OutgoingMessage(
            String id,
            String eventId,
            String template,
            String registrationId,
            String recipient,
            String subject,
            String body,
            String html,
            List<Attachment> attachments,
            Instant now) {
        this.id = id;
        this.eventId = eventId;
        this.template = template;
        this.registrationId = registrationId;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.html = html;
        this.attachments = List.copyOf(attachments);
        this.status = Status.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /**
     * A copy of this message to send again, as staff asked: the same mail (subject, parts, files) under
     * a new id, so it has its own delivery record and its own Message-ID.
     */
    OutgoingMessage resend(String staff, String reason, Instant now) {
        OutgoingMessage copy = new OutgoingMessage(
                id + ":igen:" + UUID.randomUUID().toString().substring(0, 8),
                eventId,
                template,
                registrationId,
                recipient,
                subject,
                body,
                html,
                getAttachments(),
                now);
        copy.mentions = mentions;
        copy.resentFrom = id;
        copy.resentBy = staff;
        copy.resendReason = reason;
        return copy;
    }

    void mentioning(List<String> registrationIds) {
        this.mentions = registrationIds.isEmpty() ? null : List.copyOf(registrationIds);
    }

    public List<String> getMentions() {
        return mentions == null ? List.of() : mentions;
    }

    /** Whether the stored message can go out again as it is: a link taken out of it cannot be put back. */
    public boolean canBeResent() {
        boolean linksIntact = !containsRedacted(body)
                && !containsRedacted(html)
                && getAttachments().stream().noneMatch(a -> containsRedacted(a.text()));
        return linksIntact && (status == Status.SENT || status == Status.FAILED);
    }

    private static boolean containsRedacted(String text) {
        return text != null && text.contains(SecretLinks.REDACTED);
    }

    /** Back-off after a failed attempt: 30 s, 1 min, 2 min … capped at 30 min; gives up after maxAttempts. */
    static Duration backOff(int attempts) {
        long seconds = 30L << Math.min(attempts - 1, 6);
        return Duration.ofSeconds(Math.min(seconds, 1800));
    }

    /**
     * Waiting to go: queued, or leased to a sender that has not sent it yet (a message is leased when it
     * is queued). An erasure stops these; a sender sends one only while it still holds its lease.
     */
    public static final List<Status> UNSENT = List.of(Status.PENDING, Status.SENDING);

    public enum Status {
        PENDING,
        SENDING,
        SENT,
        FAILED,
        /** Not sent on purpose: the recipient has had as many of this kind today as anyone should get. */
        SUPPRESSED,
        /** Accepted by the mail server, then returned as undeliverable (a delivery status notification). */
        BOUNCED
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

    public String getHtml() {
        return html;
    }

    public List<Attachment> getAttachments() {
        return attachments == null ? List.of() : attachments;
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

    public String getUnsubscribeUrl() {
        return unsubscribeUrl;
    }

    void unsubscribeAt(String url) {
        this.unsubscribeUrl = url;
    }

    public String getResentFrom() {
        return resentFrom;
    }

    public String getResentBy() {
        return resentBy;
    }

    public String getResendReason() {
        return resendReason;
    }

    String getLeaseToken() {
        return leaseToken;
    }

    /** Taken by a sender before it is first stored: SENDING under the sender's lease, the first attempt. */
    void leasedTo(String token, Instant until) {
        status = Status.SENDING;
        leaseToken = token;
        nextAttemptAt = until;
        attempts++;
    }

    /** The sender that holds it renewed its lease in the store. */
    void leaseRenewed(Instant until) {
        nextAttemptAt = until;
    }

    /** While SENDING, the moment the sender's lease runs out. */
    Instant getLeaseUntil() {
        return nextAttemptAt;
    }

    /** Seals the tokens of its links for the time it waits to be sent: the store never holds a raw one. */
    void sealLinks(LinkSeal seal) {
        body = SecretLinks.seal(body, seal, recipient);
        html = SecretLinks.seal(html, seal, recipient);
        attachments = getAttachments().stream()
                .map(a -> a.withText(text -> SecretLinks.seal(text, seal, recipient)))
                .toList();
    }

    /** The same message with every link token taken out: what the log keeps once it no longer sends it. */
    static Update redactLinks(OutgoingMessage message, Update update) {
        return update.set("body", SecretLinks.redact(message.getBody()))
                .set("html", SecretLinks.redact(message.getHtml()))
                .set(
                        "attachments",
                        message.getAttachments().stream()
                                .map(Attachment::redacted)
                                .toList());
    }
}
