package se.motesdagen.feedback.proposal;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Something a business (or a workshop) wants the municipality to change: from the registration's free
 * text, a survey answer, or staff. Staff put it in words, tag its area, merge duplicates into one, put it
 * on the shortlist participants vote on, and turn the chosen into actions with an owner and a due date.
 * Keyed by where it came from, so the same text arriving twice is one proposal.
 */
@Document("proposals")
public class Proposal {

    public enum Source {
        REGISTRATION,
        SURVEY,
        STAFF
    }

    public enum Status {
        /** New or being worked on. */
        OPEN,
        /** On the shortlist participants vote on. */
        SHORTLISTED,
        /** Chosen: becomes an action. */
        CHOSEN,
        /** Folded into another proposal that says the same. */
        MERGED,
        /** Not taken further. */
        SET_ASIDE
    }

    /** What the municipality does about a chosen proposal. */
    public record Action(String what, String owner, LocalDate due, String state) {}

    @Id
    private String id;

    private String text;
    private String originalText;
    private String area;
    private Source source;

    @Indexed
    private Status status;

    private String mergedInto;
    private Action action;
    private Instant createdAt;
    private Instant changedAt;

    @Version
    private Long version;

    protected Proposal() {}

    Proposal(String id, String text, Source source, Instant now) {
        this.id = id;
        this.text = text;
        this.originalText = text;
        this.source = source;
        this.status = Status.OPEN;
        this.createdAt = now;
        this.changedAt = now;
    }

    void edit(String text, String area, Instant now) {
        this.text = text;
        this.area = area;
        this.changedAt = now;
    }

    void mergeInto(Proposal other, Instant now) {
        this.status = Status.MERGED;
        this.mergedInto = other.id;
        this.changedAt = now;
    }

    void status(Status status, Instant now) {
        this.status = status;
        this.changedAt = now;
    }

    void act(Action action, Instant now) {
        this.action = action;
        this.status = Status.CHOSEN;
        this.changedAt = now;
    }

    public String getId() {
        return id;
    }

    public String getText() {
        return text;
    }

    public String getOriginalText() {
        return originalText;
    }

    public String getArea() {
        return area;
    }

    public Source getSource() {
        return source;
    }

    public Status getStatus() {
        return status;
    }

    public String getMergedInto() {
        return mergedInto;
    }

    public Action getAction() {
        return action;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
