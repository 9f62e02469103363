package se.motesdagen.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.motesdagen.notification.NotificationTestBase;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.ContractSchemas;
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.platform.test.TopicReader;

/** The mails themselves and the delivery log: parts, logo and footer, EmailSent, sending again, previews. */
class MailIntegrationTests extends NotificationTestBase {

    @Test
    void aMailHasATextAndAnHtmlPartTheLogoAndTheSendersFooterInTheRecipientsLanguage() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        String to = "english-" + registrationId.substring(0, 8) + "@testbageri.example";
        String body = example(CONFIRMED, registrationId, to).replace("\"language\": \"sv\"", "\"language\": \"en\"");
        assertThat(body).contains("\"language\": \"en\"");

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("registration.events", UUID.randomUUID().toString(), CONFIRMED, registrationId, body);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 1);
        MimeMessage mime = inboxOf(to).getFirst();
        ReceivedMail mail = ReceivedMail.of(mime);
        assertThat(mime.getSubject()).isEqualTo("Welcome to Stora Mötesdagen 2027 – your registration is confirmed");
        assertThat(mime.getReplyTo()[0].toString()).isEqualTo("naringsliv@nykoping.example");
        assertThat(mail.text())
                .contains("Hello Astrid Exempelsson,")
                .contains("Where: Culturum, Nyköping")
                .contains("- 10.00–11.00 Kompetensförsörjning")
                .contains("Per Persson is on the waiting list, number 3 in line.")
                .contains("See and change the registration:\nhttp://localhost:8080/anmalan/hantera?token=")
                .contains("Näringslivsenheten, Nyköpings kommun")
                .contains("because you are the contact for the company's registration")
                .contains("How we handle personal data (https://nykoping.example/personuppgifter)");
        assertThat(mail.html())
                .contains("lang=\"en\"")
                .contains("src=\"cid:logo\"")
                .contains("href=\"http://localhost:8080/anmalan/hantera?token=");
        assertThat(mail.inline())
                .filteredOn(f -> "logo".equals(f.contentId()))
                .singleElement()
                .satisfies(logo -> {
                    assertThat(logo.contentType()).startsWith("image/png");
                    assertThat(logo.content()).startsWith(0x89, 'P', 'N', 'G');
                });
    }

    @Test
    void aSentMailIsAnnouncedAsEmailSentOnTheNotificationTopicValidAgainstItsContract() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        String to = "announced-" + registrationId.substring(0, 8) + "@testbageri.example";
        String eventId = UUID.randomUUID().toString();

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("registration.events", eventId, SUBMITTED, registrationId, submitted(registrationId, to));
        }

        TopicReader.PublishedEvent sent = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> new TopicReader(bootstrapServers).read("notification.events", registrationId),
                        found -> !found.isEmpty())
                .getFirst();
        assertThat(sent.type()).isEqualTo("se.motesdagen.notification.email-sent.v1");
        assertThat(sent.source()).isEqualTo("/notification-service");
        assertThat(ContractSchemas.violations(sent.type(), sent.body())).isEmpty();
        assertThat(JSON.readTree(sent.body()).get("messageId").asString()).isEqualTo(eventId + ":confirm-request");
        assertThat(JSON.readTree(sent.body()).get("recipient").asString()).isEqualTo(to);
        assertThat(inboxOf(to)).hasSize(1);
    }

    @Test
    void staffFindAMailOpenItAsSentAndSendItAgainWithAReasonThatIsKept() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        String to = "lost-" + registrationId.substring(0, 8) + "@testbageri.example";
        String body = example(CANCELLED, registrationId, to);
        String eventId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("registration.events", eventId, CANCELLED, registrationId, body);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 1);
        String id = eventId + ":cancellation";
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "SENT"
                        .equals(mongo.findById(id, Document.class, "messages").getString("status")));

        // found by part of the address, and by kind and status
        mvc.perform(get("/personal/meddelanden")
                        .param("q", "LOST-" + registrationId.substring(0, 8))
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(to)))
                .andExpect(content().string(containsString("1 meddelanden")));
        mvc.perform(get("/personal/meddelanden")
                        .param("q", to)
                        .param("status", "FAILED")
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(content().string(containsString("0 meddelanden")));
        // the message as sent: its text, and its HTML in a page that may run nothing
        mvc.perform(get("/personal/meddelanden/" + id).with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("Anmälan av Nyköpings Testbageri AB till Stora Mötesdagen 2027")));
        mvc.perform(get("/personal/meddelanden/" + id + "/html").with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
                .andExpect(content().string(containsString("/personal/meddelanden/logo.png\"")));

        // a reason is required
        mvc.perform(post("/personal/meddelanden/" + id + "/skicka-igen")
                        .param("reason", "  ")
                        .with(StaffTokens.as(StaffRole.ADMIN))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv varför mejlet skickas igen.")));
        assertThat(inboxOf(to)).hasSize(1);

        mvc.perform(post("/personal/meddelanden/" + id + "/skicka-igen")
                        .param("reason", "Astrid ringde: mejlet hamnade i skräpposten")
                        .with(StaffTokens.as(StaffRole.ADMIN))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 2);
        List<MimeMessage> both = inboxOf(to);
        assertThat(both.get(1).getMessageID())
                .as("a copy is a mail of its own")
                .isNotEqualTo(both.get(0).getMessageID());
        assertThat(ReceivedMail.of(both.get(1)).text())
                .isEqualTo(ReceivedMail.of(both.get(0)).text());
        Document copy = mongo.findOne(Query.query(Criteria.where("resentFrom").is(id)), Document.class, "messages");
        assertThat(copy.getString("resentBy")).isEqualTo("admin");
        assertThat(mongo.find(Query.query(Criteria.where("record").is(id)), Document.class, "audit"))
                .as("the audit log: seen, then sent again, by whom; nothing of the mail")
                .extracting(line -> line.getString("action") + " " + line.getString("subject"))
                .contains("message.resent admin")
                .allSatisfy(line -> assertThat(line).doesNotContain("Astrid"));
        assertThat(copy.getString("resendReason")).isEqualTo("Astrid ringde: mejlet hamnade i skräpposten");
        mvc.perform(get("/personal/meddelanden/" + id).with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(content().string(containsString("Astrid ringde: mejlet hamnade i skräpposten")));
    }

    @Test
    void aMailWhoseLinkWasTakenOutAfterSendingCannotBeSentAgainAndStaffAreToldWhy() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        String to = "linked-" + registrationId.substring(0, 8) + "@testbageri.example";
        String eventId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("registration.events", eventId, SUBMITTED, registrationId, submitted(registrationId, to));
        }
        String id = eventId + ":confirm-request";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(id, Document.class, "messages") != null
                        && "SENT"
                                .equals(mongo.findById(id, Document.class, "messages")
                                        .getString("status")));

        mvc.perform(get("/personal/meddelanden/" + id).with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(content().string(containsString("personlig länk som inte sparas")));
        mvc.perform(post("/personal/meddelanden/" + id + "/skicka-igen")
                        .param("reason", "Försök igen")
                        .with(StaffTokens.as(StaffRole.ADMIN))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("går inte att skicka igen")));
        assertThat(mongo.count(Query.query(Criteria.where("resentFrom").is(id)), "messages"))
                .isZero();
    }

    @Test
    void everyTemplateCanBePreviewedWithTheContractsExampleInBothLanguages() throws Exception {
        for (String template : List.of(
                "confirm-request", "confirmation", "changed", "manage-link", "cancellation", "waitlist-promoted")) {
            mvc.perform(get("/personal/meddelanden/mallar/" + template)
                            .param("sprak", "sv")
                            .with(StaffTokens.as(StaffRole.ADMIN)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Hej Astrid Exempelsson!")))
                    .andExpect(content().string(containsString("Stora Mötesdagen 2027")));
            mvc.perform(get("/personal/meddelanden/mallar/" + template)
                            .param("sprak", "en")
                            .with(StaffTokens.as(StaffRole.ADMIN)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Hello Astrid Exempelsson,")));
            mvc.perform(get("/personal/meddelanden/mallar/" + template + "/html")
                            .param("sprak", "en")
                            .with(StaffTokens.as(StaffRole.ADMIN)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("lang=\"en\"")));
        }
        for (String template : List.of(
                "reminder",
                "visit-scheduled",
                "visit-rescheduled",
                "visit-cancelled",
                "visit-reminder",
                "host-itinerary",
                "feedback-invitation",
                "feedback-reminder",
                "vote-invitation",
                "follow-up")) {
            String greeting = template.equals("host-itinerary") ? "Olof Exempel" : "Astrid Exempelsson";
            mvc.perform(get("/personal/meddelanden/mallar/" + template)
                            .param("sprak", "sv")
                            .with(StaffTokens.as(StaffRole.ADMIN)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Hej " + greeting + "!")));
            mvc.perform(get("/personal/meddelanden/mallar/" + template)
                            .param("sprak", "en")
                            .with(StaffTokens.as(StaffRole.ADMIN)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Hello " + greeting + ",")));
        }
        mvc.perform(get("/personal/meddelanden/mallar/no-such-template").with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theStaffLogListsWhatWasSentBehindTheLogin() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        String to = "logged-" + registrationId.substring(0, 8) + "@testbageri.example";
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    SUBMITTED,
                    registrationId,
                    submitted(registrationId, to));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 1);

        mvc.perform(get("/personal/meddelanden")).andExpect(status().isUnauthorized());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> mvc.perform(get("/personal/meddelanden").with(StaffTokens.as(StaffRole.ADMIN)))
                        .andExpect(status().isOk())
                        .andExpect(content().string(Matchers.containsString(to)))
                        .andExpect(content().string(Matchers.containsString("Skickat"))));
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(content().string(Matchers.containsString("motesdagen_mail_sent_total")));
    }
}
