package se.motesdagen.notification.reminders;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A reminder stored when what it reminds of is confirmed (the day, a visit), so it survives restarts,
 * and kept up to date by later changes. It carries the event as last seen, with the secret links taken
 * out (a stored secret would outlive its purpose), so the mail shows what holds when it goes.
 */
@Document("reminders")
@CompoundIndex(name = "due", def = "{'status': 1, 'dueAt': 1}")
public class Reminder {

    @Id
    private String id;

    /** Which mail it becomes: {@code reminder} (before the day) or {@code visit-reminder} (the morning of a visit). */
    private String template;

    /** What it reminds of: the registration or the visit; a cancellation of it calls the reminder off. */
    private String owner;

    private Instant dueAt;
    private Status status;
    /** When what it reminds of came to look like {@link #payload}; an older event never overwrites it. */
    private Instant asOf;

    private String payload;
    private Instant createdAt;
    private Instant settledAt;
    private String note;

    protected Reminder() {}

    public enum Status {
        /** Waits for its moment. */
        SCHEDULED,
        /** Its mail is queued (the delivery log has the rest). */
        QUEUED,
        /** What it reminds of was cancelled before the moment. */
        CANCELLED,
        /** Not sent: its moment had passed when it was made, or it came too late to be a reminder. */
        SKIPPED,
        /** Not sent: the recipient asked for no more reminders. */
        UNSUBSCRIBED
    }

    static String idFor(String owner, String template) {
        return owner + ":" + template;
    }

    public String getId() {
        return id;
    }

    public String getTemplate() {
        return template;
    }

    public String getOwner() {
        return owner;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getAsOf() {
        return asOf;
    }

    public String getNote() {
        return note;
    }

    String getPayload() {
        return payload;
    }
}
