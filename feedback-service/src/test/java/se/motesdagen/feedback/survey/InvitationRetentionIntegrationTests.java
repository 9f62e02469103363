package se.motesdagen.feedback.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.motesdagen.feedback.FeedbackTestBase;

/** Survey invitations older than the retention period, also about visits added by hand, forget the person; the answer stays. */
class InvitationRetentionIntegrationTests extends FeedbackTestBase {

    @Autowired
    Invitations invitations;

    @Test
    void anOldInvitationNoLongerNamesItsRecipientAndItsAnswerStaysAnonymous() {
        Instant now = Instant.now();
        String old = "inbjudan-gammal-" + UUID.randomUUID();
        String recent = "inbjudan-ny-" + UUID.randomUUID();
        mongo.insert(invitation(old, now.minus(Duration.ofDays(800))), "invitations");
        mongo.insert(invitation(recent, now.minus(Duration.ofDays(10))), "invitations");

        long forgotten = invitations.forgetCreatedBefore(now.minus(Duration.ofDays(730)));

        assertThat(forgotten).isGreaterThanOrEqualTo(1);
        Document kept = mongo.findById(old, Document.class, "invitations");
        assertThat(kept.toJson())
                .doesNotContain("Greta Gammal")
                .doesNotContain("greta@")
                .doesNotContain("tokenHash");
        assertThat(kept.get("answer", Document.class).getString("change")).isEqualTo("Snabbare bygglov");
        assertThat(kept.get("answer", Document.class).getBoolean("wantsContact"))
                .isFalse();
        assertThat(mongo.findById(recent, Document.class, "invitations").getString("recipientEmail"))
                .isEqualTo("greta@gamla-bolaget.example");
    }

    private static Document invitation(String id, Instant createdAt) {
        return new Document("_id", id)
                .append("kind", "visit")
                .append("recipientName", "Greta Gammal")
                .append("recipientEmail", "greta@gamla-bolaget.example")
                .append("companyName", "Gamla bolaget AB")
                .append("tokenHash", "hash-" + id)
                .append("createdAt", Date.from(createdAt))
                .append("submittedAt", Date.from(createdAt.plus(Duration.ofDays(2))))
                .append("answer", new Document("change", "Snabbare bygglov").append("wantsContact", true));
    }
}
