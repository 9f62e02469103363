package se.motesdagen.notification.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.motesdagen.notification.NotificationTestBase;
import se.motesdagen.notification.mail.ReceivedMail;
import se.motesdagen.platform.test.CloudEventProducer;

/** Reading feedback.events: survey invitations, their reminders and the follow-up report. */
class FeedbackMailIntegrationTests extends NotificationTestBase {

    @Test
    void aSurveyInvitationItsRemindersAndTheFollowUpReachEachParticipantOnceInTheirLanguage() throws Exception {
        String invitationId = UUID.randomUUID().toString();
        String to = "survey-" + invitationId.substring(0, 8) + "@testbageri.example";
        String english = "report-" + invitationId.substring(0, 8) + "@exempelverkstad.example";
        String swedish = "report-" + invitationId.substring(0, 8) + "@testbageri.example";
        String invitation = CloudEventProducer.example(FEEDBACK_REQUESTED).replace("astrid@testbageri.example", to);
        String report = CloudEventProducer.example(FOLLOW_UP)
                .replace("astrid@testbageri.example", swedish)
                .replace("erik@exempelverkstad.example", english);
        String reportEvent = UUID.randomUUID().toString();
        String voter = "vote-" + invitationId.substring(0, 8) + "@testbageri.example";
        String ballot = CloudEventProducer.example(VOTE_OPENED).replace("astrid@testbageri.example", voter);
        String ballotEvent = UUID.randomUUID().toString();

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("feedback.events", ballotEvent, VOTE_OPENED, invitationId, ballot);
            producer.send("feedback.events", ballotEvent, VOTE_OPENED, invitationId, ballot);
            producer.send(
                    "feedback.events", UUID.randomUUID().toString(), FEEDBACK_REQUESTED, invitationId, invitation);
            producer.send(
                    "feedback.events",
                    UUID.randomUUID().toString(),
                    FEEDBACK_REQUESTED,
                    invitationId,
                    invitation.replace("\"round\": 0", "\"round\": 1"));
            producer.send("feedback.events", reportEvent, FOLLOW_UP, invitationId, report);
            producer.send("feedback.events", reportEvent, FOLLOW_UP, invitationId, report);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> inboxOf(to).size() == 2
                            && inboxOf(english).size() == 1
                            && inboxOf(swedish).size() == 1
                            && inboxOf(voter).size() == 1);
        }
        MimeMessage vote = inboxOf(voter).getFirst();
        assertThat(vote.getSubject()).isEqualTo("Rösta: Vilka förslag ska kommunen prioritera?");
        assertThat(ReceivedMail.of(vote).text())
                .contains("Kortare handläggningstid för bygglov")
                .contains("Fler lokala leverantörer i upphandlingar")
                .contains("Du har 2 röster. Du kan ändra dig fram till och med 1 oktober 2027")
                .contains("Rösta:\nhttp://localhost:8080/aterkoppling/rostning?token=");
        MimeMessage invited = mailTo(to, "Vad tyckte");
        assertThat(invited.getSubject()).isEqualTo("Vad tyckte du? Några frågor om Stora Mötesdagen 2027");
        assertThat(ReceivedMail.of(invited).text())
                .contains("Tack för att du var med på Stora Mötesdagen 2027.")
                .contains("Svara på enkäten:\nhttp://localhost:8080/synpunkter/enkat?token=")
                .contains("till och med 16 september 2027");
        assertThat(invited.getHeader("List-Unsubscribe", null))
                .as("the invitation is no reminder")
                .isNull();
        MimeMessage reminded = mailTo(to, "Påminnelse");
        assertThat(reminded.getSubject()).isEqualTo("Påminnelse: dina synpunkter på Stora Mötesdagen 2027");
        String unsubscribe = reminded.getHeader("List-Unsubscribe", null);
        assertThat(unsubscribe).startsWith("<http://localhost:8080/utskick/avregistrera?token=");

        // after "no more reminders" the second survey reminder is not sent
        mvc.perform(post("/avregistrera").param("token", unsubscribe.replaceAll(".*token=([^>]+)>", "$1")))
                .andExpect(status().isOk());
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "feedback.events",
                    UUID.randomUUID().toString(),
                    FEEDBACK_REQUESTED,
                    invitationId,
                    invitation.replace("\"round\": 0", "\"round\": 2"));
        }
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> inboxOf(to).size() == 2);

        ReceivedMail sv = ReceivedMail.of(inboxOf(swedish).getFirst());
        assertThat(inboxOf(swedish).getFirst().getSubject()).isEqualTo("Det här gör vi av era förslag");
        assertThat(sv.text())
                .contains("Hej Astrid Exempelsson!")
                .contains("Läge: Pågår. Ansvarig: Samhällsbyggnadsförvaltningen. Klart senast 31 januari 2028.")
                .contains("Kortare handläggningstid för bygglov (18 röster)")
                .contains("Läs hela rapporten (http://localhost:8080/synpunkter/uppfoljning/");
        assertThat(ReceivedMail.of(inboxOf(english).getFirst()).text())
                .contains("Hello Erik Testare,")
                .contains("Status: Done. Responsible: Näringslivsenheten.")
                .contains("Read the whole report");
    }
}
