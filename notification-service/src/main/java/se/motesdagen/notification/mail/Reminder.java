package se.motesdagen.notification.mail;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A reminder before the day, stored when the registration is confirmed so it survives restarts, and
 * kept up to date by later changes. It carries the registration as last seen (the event's body, with the
 * manage link taken out: a stored secret would outlive its purpose) so the mail shows what holds then.
 */
@Document("reminders")
@CompoundIndex(name = "due", def = "{'status': 1, 'dueAt': 1}")
public class Reminder {

    @Id
    private String id;

    private String registrationId;
    private Instant dueAt;
    private Status status;
    /** When the registration came to look like {@link #registration}; an older event never overwrites it. */
    private Instant asOf;

    private String registration;
    private Instant createdAt;
    private Instant settledAt;
    private String note;

    protected Reminder() {}

    public enum Status {
        /** Waits for its moment. */
        SCHEDULED,
        /** Its mail is queued (the delivery log has the rest). */
        QUEUED,
        /** The registration was cancelled before the moment. */
        CANCELLED,
        /** Not sent: its moment had passed when it was made, or it came too late to be a reminder. */
        SKIPPED,
        /** Not sent: the recipient asked for no more reminders. */
        UNSUBSCRIBED
    }

    public String getId() {
        return id;
    }

    public String getRegistrationId() {
        return registrationId;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Status getStatus() {
        return status;
    }

    public String getNote() {
        return note;
    }

    String getRegistration() {
        return registration;
    }
}
