package se.motesdagen.notification.bounces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import se.motesdagen.notification.NotificationTestBase;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.ContractSchemas;
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.platform.test.TopicReader;

/** A mail that comes back: marked bounced and announced once, the notice cleared. */
class BounceIntegrationTests extends NotificationTestBase {

    @Test
    void aMailThatComesBackAsUndeliverableIsMarkedBouncedAndAnnouncedOnceAndTheNoticeIsCleared() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        String to = "gone-" + registrationId.substring(0, 8) + "@testbageri.example";
        String eventId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events", eventId, CANCELLED, registrationId, example(CANCELLED, registrationId, to));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 1);
        MimeMessage sent = inboxOf(to).getFirst();
        String id = eventId + ":cancellation";
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "SENT"
                        .equals(mongo.findById(id, Document.class, "messages").getString("status")));

        // the recipient's server accepted it, then sends a notification to our envelope sender, twice
        GreenMailUser bounceBox = MAIL.setUser(BOUNCES, BOUNCES);
        bounceBox.deliver(deliveryStatusNotification(sent, to, "failed", "5.1.1"));
        bounceBox.deliver(deliveryStatusNotification(sent, to, "failed", "5.1.1"));
        bounceBox.deliver(deliveryStatusNotification(sent, to, "delayed", "4.4.1"));

        assertThat(bounces.read())
                .as("one bounce recorded, the repeat finds it done")
                .isEqualTo(1);

        Document entry = mongo.findById(id, Document.class, "messages");
        assertThat(entry.getString("status")).isEqualTo("BOUNCED");
        // the mail server's words, without the address it names: that stays only where erasure finds it
        assertThat(entry.getString("lastError"))
                .contains("5.1.1")
                .contains("User unknown")
                .contains("<[adress]>")
                .doesNotContain(to);
        TopicReader.PublishedEvent bounced = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> new TopicReader(bootstrapServers)
                                .read("notification.events", registrationId).stream()
                                        .filter(e -> e.type().equals("se.motesdagen.notification.email-bounced.v1"))
                                        .toList(),
                        found -> !found.isEmpty())
                .getFirst();
        assertThat(ContractSchemas.violations(bounced.type(), bounced.body())).isEmpty();
        assertThat(JSON.readTree(bounced.body()).get("status").asString()).isEqualTo("5.1.1");
        assertThat(JSON.readTree(bounced.body()).get("permanent").asBoolean()).isTrue();
        assertThat(JSON.readTree(bounced.body()).get("diagnostic").asString())
                .isEqualTo("smtp; 550 5.1.1 <[adress]>: Recipient address rejected: User unknown");
        // the handled notices are gone; the "delayed" one is left for a person
        assertThat(MAIL.getReceivedMessagesForDomain("nykoping.example"))
                .extracting(m -> m.getSubject())
                .containsExactly("Delayed Mail (still being retried)");
        mvc.perform(get("/personal/meddelanden")
                        .param("status", "BOUNCED")
                        .param("q", to)
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(content().string(containsString("1 meddelanden")));
    }
}
