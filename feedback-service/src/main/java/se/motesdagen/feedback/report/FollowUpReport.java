package se.motesdagen.feedback.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import se.motesdagen.platform.outbox.HasOutbox;
import se.motesdagen.platform.outbox.OutboxEvent;

/**
 * A follow-up report as published: what was proposed, what was chosen and what is being done, told to
 * every participant (FollowUpPublished). Each publication is an edition of its own (the first after the
 * day, the half-year report after it), kept as it was said; its page is public and names no one.
 */
@Document("reports")
public class FollowUpReport implements HasOutbox {

    /** A chosen proposal, the votes it got (null: it was not put to a vote), and what is done about it. */
    public record Line(String proposal, String action, String status, String owner, LocalDate dueDate, Integer votes) {}

    @Id
    private String id;

    private int edition;
    private String title;
    private String summary;
    private int proposalCount;
    private List<Line> lines;
    private int recipients;
    private Instant publishedAt;
    private List<OutboxEvent> outbox = new ArrayList<>();

    protected FollowUpReport() {}

    FollowUpReport(
            String id,
            int edition,
            String title,
            String summary,
            int proposalCount,
            List<Line> lines,
            int recipients,
            Instant publishedAt) {
        this.id = id;
        this.edition = edition;
        this.title = title;
        this.summary = summary;
        this.proposalCount = proposalCount;
        this.lines = List.copyOf(lines);
        this.recipients = recipients;
        this.publishedAt = publishedAt;
    }

    public String getId() {
        return id;
    }

    public int getEdition() {
        return edition;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public int getProposalCount() {
        return proposalCount;
    }

    public List<Line> getLines() {
        return lines;
    }

    public int getRecipients() {
        return recipients;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    @Override
    public List<OutboxEvent> outbox() {
        return outbox;
    }
}
