package se.motesdagen.feedback.vote;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import se.motesdagen.platform.outbox.HasOutbox;
import se.motesdagen.platform.outbox.OutboxEvent;

/**
 * One participant's ballot in one vote: sent as a link (its secret kept only as a hash), cast and
 * changed as often as they like until the vote closes; only the last choice counts. Keyed by vote and
 * registration, so a participant has one ballot however often it is sent. Erasure removes who held it;
 * the choices stay in the count.
 */
@Document("ballots")
public class Ballot implements HasOutbox {

    @Id
    private String id;

    @Indexed
    private String voteId;

    @Indexed(sparse = true)
    private String registrationId;

    private String recipientName;
    private String recipientEmail;
    private String language;

    @Indexed(unique = true, sparse = true)
    private String tokenHash;

    private List<String> choices = new ArrayList<>();
    private Instant sentAt;
    private Instant castAt;
    private List<OutboxEvent> outbox = new ArrayList<>();

    @Version
    private Long version;

    protected Ballot() {}

    Ballot(
            String voteId,
            String registrationId,
            String recipientName,
            String recipientEmail,
            String language,
            String tokenHash,
            Instant sentAt) {
        this.id = idOf(voteId, registrationId);
        this.voteId = voteId;
        this.registrationId = registrationId;
        this.recipientName = recipientName;
        this.recipientEmail = recipientEmail;
        this.language = language;
        this.tokenHash = tokenHash;
        this.sentAt = sentAt;
    }

    static String idOf(String voteId, String registrationId) {
        return voteId + "." + registrationId;
    }

    void cast(List<String> choices, Instant now) {
        this.choices = List.copyOf(choices);
        this.castAt = now;
    }

    public String getId() {
        return id;
    }

    public String getVoteId() {
        return voteId;
    }

    public String getRegistrationId() {
        return registrationId;
    }

    public String getRecipientName() {
        return recipientName;
    }

    String recipientEmail() {
        return recipientEmail;
    }

    public String getLanguage() {
        return language;
    }

    public List<String> getChoices() {
        return choices == null ? List.of() : choices;
    }

    public Instant getCastAt() {
        return castAt;
    }

    @Override
    public List<OutboxEvent> outbox() {
        return outbox;
    }
}
