package se.motesdagen.feedback.vote;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import se.motesdagen.platform.outbox.HasOutbox;
import se.motesdagen.platform.outbox.OutboxEvent;

/**
 * A vote on the shortlist: the proposals as they were worded when it opened (so a later edit does not
 * change what people voted on), how many votes each participant has, and until when ballots may be cast
 * or changed. Staff close it early if they want, and publish the result to the participants.
 */
@Document("votes")
public class Vote implements HasOutbox {

    /** A proposal on the ballot, as it read when the vote opened. */
    public record Item(String proposalId, String text, String area) {}

    @Id
    private String id;

    private int round;
    private String title;
    private int votesEach;
    private List<Item> items;
    private Instant openedAt;
    private Instant closesAt;
    private Instant closedAt;
    private Instant resultPublishedAt;
    private List<OutboxEvent> outbox = new ArrayList<>();

    @Version
    private Long version;

    protected Vote() {}

    Vote(String id, int round, String title, int votesEach, List<Item> items, Instant openedAt, Instant closesAt) {
        this.id = id;
        this.round = round;
        this.title = title;
        this.votesEach = votesEach;
        this.items = List.copyOf(items);
        this.openedAt = openedAt;
        this.closesAt = closesAt;
    }

    /** Ballots can be cast and changed: before it closes, and not closed early by staff. */
    public boolean open(Instant now) {
        return closedAt == null && now.isBefore(closesAt);
    }

    void closeNow(Instant now) {
        if (open(now)) {
            this.closedAt = now;
        }
    }

    /** The result is shown to participants once staff publish it, never while ballots may change. */
    boolean publishResult(Instant now) {
        if (open(now) || resultPublishedAt != null) {
            return false;
        }
        this.resultPublishedAt = now;
        return true;
    }

    public Optional<Item> item(String proposalId) {
        return items.stream().filter(i -> i.proposalId().equals(proposalId)).findFirst();
    }

    public String getId() {
        return id;
    }

    public int getRound() {
        return round;
    }

    public String getTitle() {
        return title;
    }

    public int getVotesEach() {
        return votesEach;
    }

    public List<Item> getItems() {
        return items;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    /** When ballots stop counting: the planned close, or the moment staff closed it. */
    public Instant getEndsAt() {
        return closedAt != null && closedAt.isBefore(closesAt) ? closedAt : closesAt;
    }

    /** When it closed or closes, on the clock of the people who read it (Stockholm). */
    public LocalDateTime getEndsAtLocal() {
        return LocalDateTime.ofInstant(getEndsAt(), Votes.STOCKHOLM);
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    /** The last day ballots may be cast, as people say it (the vote closes at its end). */
    public LocalDate getLastDay() {
        return closesAt.minusSeconds(1).atZone(Votes.STOCKHOLM).toLocalDate();
    }

    public Instant getResultPublishedAt() {
        return resultPublishedAt;
    }

    @Override
    public List<OutboxEvent> outbox() {
        return outbox;
    }
}
