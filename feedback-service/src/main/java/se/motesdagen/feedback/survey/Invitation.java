package se.motesdagen.feedback.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import se.motesdagen.platform.outbox.HasOutbox;
import se.motesdagen.platform.outbox.OutboxEvent;

/**
 * One contact asked for their view (after the day, after a visit, in the yearly survey), with what they
 * answered: saved as they go, counted once they send it. The link's secret is kept only as its hash.
 * The answers stay when the person is erased; who gave them does not.
 */
@Document("invitations")
public class Invitation implements HasOutbox {

    /**
     * What was answered: each rated question's step (null: don't know), the free answers, and the authority
     * area the respondent's matter was about (null when not asked or not said).
     */
    public record Answer(
            Map<String, Integer> ratings, String change, String hearBack, boolean wantsContact, String area) {

        public static Answer empty() {
            return new Answer(Map.of(), null, null, false, null);
        }

        public Integer rating(String question) {
            return ratings == null ? null : ratings.get(question);
        }
    }

    @Id
    private String id;

    private String kind;

    @Indexed
    private String registrationId;

    private String visitId;
    private String recipientName;
    private String recipientEmail;
    private String language;
    private String companyName;
    private String aboutTitle;
    private LocalDate aboutDate;

    @Indexed(unique = true, sparse = true)
    private String tokenHash;

    /** The secrets of the reminders' links (each reminder has its own; every one opens the survey). */
    @Indexed(sparse = true)
    private List<String> moreTokenHashes = new ArrayList<>();

    /** 0 the invitation, 1 and 2 the reminders sent. */
    private int round;

    private Instant createdAt;
    private Instant closesAt;
    private Answer answer = Answer.empty();
    private Instant savedAt;

    @Indexed(sparse = true)
    private Instant submittedAt;

    private List<OutboxEvent> outbox = new ArrayList<>();

    @Version
    private Long version;

    protected Invitation() {}

    public Invitation(
            String id,
            String kind,
            String registrationId,
            String visitId,
            String recipientName,
            String recipientEmail,
            String language,
            String companyName,
            String aboutTitle,
            LocalDate aboutDate,
            String tokenHash,
            Instant createdAt,
            Instant closesAt) {
        this.id = id;
        this.kind = kind;
        this.registrationId = registrationId;
        this.visitId = visitId;
        this.recipientName = recipientName;
        this.recipientEmail = recipientEmail;
        this.language = language;
        this.companyName = companyName;
        this.aboutTitle = aboutTitle;
        this.aboutDate = aboutDate;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.closesAt = closesAt;
    }

    public boolean open(Instant now) {
        return submittedAt == null && now.isBefore(closesAt);
    }

    void save(Answer answer, Instant now) {
        this.answer = answer;
        this.savedAt = now;
    }

    public void submit(Answer answer, Instant now) {
        save(answer, now);
        this.submittedAt = now;
    }

    /** A reminder goes out with a link of its own; the earlier links keep working. */
    void remind(String tokenHash) {
        moreTokenHashes.add(tokenHash);
        round++;
    }

    public int getRound() {
        return round;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public String getRegistrationId() {
        return registrationId;
    }

    public String getVisitId() {
        return visitId;
    }

    public String getRecipientName() {
        return recipientName;
    }

    /** Where the invitation went: for the mail only, never shown beside the answers. */
    String recipientEmail() {
        return recipientEmail;
    }

    public String getLanguage() {
        return language;
    }

    public String getCompanyName() {
        return companyName;
    }

    public String getAboutTitle() {
        return aboutTitle;
    }

    public LocalDate getAboutDate() {
        return aboutDate;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    public Answer getAnswer() {
        return answer == null ? Answer.empty() : answer;
    }

    public Instant getSavedAt() {
        return savedAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    @Override
    public List<OutboxEvent> outbox() {
        return outbox;
    }
}
