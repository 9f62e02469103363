package se.motesdagen.notification.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.motesdagen.notification.NotificationTestBase;
import se.motesdagen.notification.mail.QrCodes;
import se.motesdagen.notification.mail.ReceivedMail;
import se.motesdagen.platform.messaging.AddressKey;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.ConsumerWiring;
import se.motesdagen.platform.test.DeadLetters;
import se.motesdagen.platform.test.StaffTokens;

/** Reading registration.events: each event its mail, once, in its language, with its link opened only into the mail. */
class RegistrationMailIntegrationTests extends NotificationTestBase {

    @Autowired
    private MeterRegistry meters;

    @Test
    void everyConsumerHasItsDeadLetterTopicAndSendsABrokenEventThereAtOnce(
            @Autowired BindingServiceProperties bindings, @Autowired Environment environment) {
        assertThat(ConsumerWiring.consumers(bindings))
                .as("one consumer per topic")
                .containsExactly("registrationEvents-in-0", "sendFeedbackEmails-in-0", "sendVisitEmails-in-0");
        assertThat(ConsumerWiring.problems(bindings, environment)).isEmpty();
        assertThat(meters.find("motesdagen.events.dead.letters")
                        .tag("topic", "registration.events.notification-confirm-request.dlq")
                        .gauge())
                .as("the dead-letter topics of the groups merged into one are still counted")
                .isNotNull();
    }

    @Test
    void aSubmittedRegistrationGetsOneConfirmRequestWithTheLinkEvenWhenTheEventComesTwice() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String to = "first-" + registrationId.substring(0, 8) + "@testbageri.example";
        String body = submitted(registrationId, to);

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("registration.events", eventId, SUBMITTED, registrationId, body);
            producer.send("registration.events", eventId, SUBMITTED, registrationId, body);
            // a later event with the same key is consumed after both copies, so when it has arrived the duplicate has
            // been handled
            String marker = "marker-" + registrationId.substring(0, 8) + "@testbageri.example";
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    SUBMITTED,
                    registrationId,
                    submitted(registrationId, marker));
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(marker).size() == 1);
        }

        List<MimeMessage> received = inboxOf(to);
        assertThat(received).hasSize(1);
        MimeMessage mail = received.getFirst();
        assertThat(mail.getSubject()).isEqualTo("Bekräfta din anmälan till Stora Mötesdagen 2027");
        assertThat(ReceivedMail.of(mail).text())
                .contains("Hej Astrid Exempelsson!")
                .contains("Nyköpings Testbageri AB")
                .contains("26 augusti 2027")
                .contains("http://localhost:8080/anmalan/bekrafta?token=")
                .contains("8 juni 2027 kl. 12.15");
        assertThat(mail.getFrom()[0].toString()).contains("motesdagen@nykoping.example");

        // the delivery log keeps the message, but not a link that still confirms
        String token = ReceivedMail.of(mail).text().replaceAll("(?s).*[?&]token=([A-Za-z0-9_-]+).*", "$1");
        assertThat(token).hasSizeGreaterThan(20);
        Document logged = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> mongo.findOne(
                                Query.query(Criteria.where("recipient").is(to)), Document.class, "messages"),
                        m -> m != null && "SENT".equals(m.getString("status")));
        assertThat(logged.getString("body"))
                .contains("Hej Astrid Exempelsson!")
                .contains("/anmalan/bekrafta?token=[borttagen]")
                .doesNotContain(token);
        assertThat(logged.toJson()).doesNotContain(token);
    }

    @Test
    void aConfirmedRegistrationGetsTheConfirmationWithItsSessionsAndTheVisitRequest() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        String to = "confirmed-" + registrationId.substring(0, 8) + "@testbageri.example";
        String body = example(CONFIRMED, registrationId, to);

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("registration.events", UUID.randomUUID().toString(), CONFIRMED, registrationId, body);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 1);
        MimeMessage mail = inboxOf(to).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Välkommen till Stora Mötesdagen 2027 – din anmälan är bekräftad");
        assertThat(ReceivedMail.of(mail).text())
                .contains("Var: Culturum, Nyköping")
                .contains("- kl. 10.00–11.00 Kompetensförsörjning")
                .contains("Per Persson står på väntelistan, plats 3 i kön.")
                .contains("Ni har önskat ett företagsbesök")
                // the answers to the day's own questions, each as it was asked, the attendee's by name
                .contains("Era svar")
                .contains("Astrid Exempelsson: Vilken lunch vill du ha? Vegetarisk")
                .contains("Nyköpings Testbageri AB: Behöver ni parkeringstillstånd? Ja")
                .contains("http://localhost:8080/anmalan/hantera?token=Q2hhbmdlT3JDYW5jZWxUaGlzUmVnaXN0cmF0aW9uMDE");
        // the QR code inside the mail opens the registration's staff page at the check-in desk
        ReceivedMail parts = ReceivedMail.of(mail);
        assertThat(parts.html()).contains("src=\"cid:incheckning\"");
        ReceivedMail.File code = parts.inline().stream()
                .filter(f -> f.contentType().startsWith("image/png") && "incheckning".equals(f.contentId()))
                .findFirst()
                .orElseThrow();
        assertThat(QrCodes.read(code.content()))
                .isEqualTo("http://localhost:8080/personal/anmalningar/" + registrationId);
        // the manage link is a secret too: the delivery log keeps it redacted
        Document logged = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> mongo.findOne(
                                Query.query(Criteria.where("recipient").is(to)), Document.class, "messages"),
                        m -> m != null && "SENT".equals(m.getString("status")));
        assertThat(logged.getString("body")).contains("/anmalan/hantera?token=[borttagen]");
        assertThat(logged.toJson()).doesNotContain("Q2hhbmdlT3JDYW5jZWxUaGlzUmVnaXN0cmF0aW9uMDE");
    }

    @Test
    void theRegisteredContactGetsTheManageLinkWhenSomebodyRegistersTheCompanyAgainAndTheLogKeepsItRedacted()
            throws Exception {
        String registrationId = UUID.randomUUID().toString();
        String to = "registered-" + registrationId.substring(0, 8) + "@testbageri.example";
        String body = example(MANAGE_LINK, registrationId, to);

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("registration.events", UUID.randomUUID().toString(), MANAGE_LINK, registrationId, body);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 1);
        MimeMessage mail = inboxOf(to).getFirst();
        assertThat(mail.getSubject())
                .isEqualTo("Er anmälan till Stora Mötesdagen 2027 gäller redan – här är länken till den");
        assertThat(ReceivedMail.of(mail).text())
                .contains("ingen ny anmälan har gjorts")
                .contains("http://localhost:8080/anmalan/hantera?token=Tnlla0xhbmtGb3JEZW5SZWdpc3RyZXJhZGVLb250YWt0");
        Document logged = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> mongo.findOne(
                                Query.query(Criteria.where("recipient").is(to)), Document.class, "messages"),
                        m -> m != null && "SENT".equals(m.getString("status")));
        assertThat(logged.toJson()).doesNotContain("Tnlla0xhbmtGb3JEZW5SZWdpc3RyZXJhZGVLb250YWt0");
    }

    @Test
    void aChangedRegistrationGetsAMailWithHowItNowStands() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        String to = "changed-" + registrationId.substring(0, 8) + "@testbageri.example";
        String body = example(UPDATED, registrationId, to);

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("registration.events", UUID.randomUUID().toString(), UPDATED, registrationId, body);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 1);
        MimeMessage mail = inboxOf(to).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Er anmälan till Stora Mötesdagen 2027 är ändrad");
        assertThat(ReceivedMail.of(mail).text())
                .contains("Så här ser den ut nu")
                .contains("Per Persson står på väntelistan, plats 3 i kön.")
                .contains("Inget företagsbesök är önskat.");
    }

    @Test
    void aCancellationGetsItsReceipt() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        String to = "cancelled-" + registrationId.substring(0, 8) + "@testbageri.example";
        String body = example(CANCELLED, registrationId, to);

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("registration.events", UUID.randomUUID().toString(), CANCELLED, registrationId, body);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 1);
        MimeMessage mail = inboxOf(to).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Er anmälan till Stora Mötesdagen 2027 är avbokad");
        assertThat(ReceivedMail.of(mail).text())
                .contains(
                        "Anmälan av Nyköpings Testbageri AB till Stora Mötesdagen 2027 den 26 augusti 2027 är avbokad");
    }

    @Test
    void anAttendeeWhoGetsASeatFromTheWaitingListIsToldOnce() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        String to = "promoted-" + registrationId.substring(0, 8) + "@testbageri.example";
        String body = example(PROMOTED, registrationId, to);
        String eventId = UUID.randomUUID().toString();

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("registration.events", eventId, PROMOTED, registrationId, body);
            producer.send("registration.events", eventId, PROMOTED, registrationId, body);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 1);
        MimeMessage mail = inboxOf(to).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Ni har fått en plats på Stora Mötesdagen 2027");
        assertThat(ReceivedMail.of(mail).text())
                .contains("Per Persson från Nyköpings Testbageri AB har nu en plats")
                .contains("Pass: Kompetensförsörjning")
                .contains("När: 26 augusti 2027, kl. 10.00–11.00")
                .contains("Var: Culturum, Nyköping, Sal A");
        // the second delivery of the same event sends nothing: the inbox stays at one
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> inboxOf(to).size() == 1);
    }

    @Test
    void aForgedV1EventWithItsLinkInClearOrASealForAnotherRegistrationMailsNothingAndIsDeadLettered() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        String to = "v1-" + registrationId.substring(0, 8) + "@testbageri.example";
        String copiedSeal = example(SUBMITTED, UUID.randomUUID().toString(), to);
        String stolenId = "stolen-" + UUID.randomUUID();
        String forgedId = "forged-" + UUID.randomUUID();
        String otherServicesId = "other-" + UUID.randomUUID();
        double refusedBefore = clearLinksRefused();

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            // a sealed link copied from another registration's event does not open: dead letter, no mail
            producer.send(
                    "registration.events",
                    stolenId,
                    SUBMITTED,
                    registrationId,
                    copiedSeal.replaceFirst(
                            "\"registrationId\": \"[^\"]+\"", "\"registrationId\": \"" + registrationId + "\""));
            // anyone who can write to the broker could send a v1 event with a link of their choosing:
            // since its sunset it is a dead letter, counted, and mails nothing
            producer.send(
                    "registration.events",
                    forgedId,
                    SUBMITTED_V1,
                    registrationId,
                    example(SUBMITTED_V1, registrationId, to)
                            .replace("http://localhost:8080/anmalan/bekrafta", "https://forfalskad.example/bekrafta"));
            // a link sealed by another service (here the visit service's key) in a registration event does
            // not open: only the registration service can seal what its events carry
            producer.send(
                    "registration.events",
                    otherServicesId,
                    SUBMITTED,
                    registrationId,
                    example(SUBMITTED, registrationId, to)
                            .replaceFirst(
                                    "\"confirmationLink\": \"[^\"]+\"",
                                    "\"confirmationLink\": \""
                                            + VISIT_SEAL.seal(
                                                    "https://forfalskad.example/bekrafta?token=x", registrationId)
                                            + "\""));
            // the registration's own v2 event is mailed
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    SUBMITTED,
                    registrationId,
                    submitted(registrationId, to));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> new DeadLetters(bootstrapServers)
                        .eventIds("registration.events.notification-registration.dlq")
                        .containsAll(List.of(stolenId, forgedId, otherServicesId)));
        assertThat(inboxOf(to)).hasSize(1);
        assertThat(ReceivedMail.of(inboxOf(to).getFirst()).text()).doesNotContain("forfalskad.example");
        assertThat(clearLinksRefused()).isEqualTo(refusedBefore + 1);
    }

    private double clearLinksRefused() {
        var counter = meters.find("motesdagen.events.clear.links")
                .tags("type", SUBMITTED_V1, "outcome", "refused")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anAddressGetsOnlyAFewConfirmRequestsADayHoweverManyRegistrationsNameIt() throws Exception {
        String to = "victim-" + UUID.randomUUID().toString().substring(0, 8) + "@testbageri.example";
        String firstRegistration = UUID.randomUUID().toString();
        String firstEvent = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            for (int i = 0; i < 8; i++) {
                String registrationId =
                        i == 0 ? firstRegistration : UUID.randomUUID().toString();
                producer.send(
                        "registration.events",
                        i == 0 ? firstEvent : UUID.randomUUID().toString(),
                        SUBMITTED,
                        registrationId,
                        submitted(registrationId, to));
            }
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> mvc.perform(get("/personal/meddelanden").with(StaffTokens.as(StaffRole.ADMIN)))
                        .andExpect(content()
                                .string(Matchers.containsString(
                                        "Ej skickat: adressen har fått så många sådana mejl som tillåts i dag"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 5);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> inboxOf(to).size() == 5);
        List<Document> suppressed = mongo.find(
                Query.query(Criteria.where("recipient").is(to).and("status").is("SUPPRESSED")),
                Document.class,
                "messages");
        assertThat(suppressed).hasSize(3).allSatisfy(message -> {
            assertThat(message.toJson()).as("never sent: no link kept").doesNotContain("seal1.");
            assertThat(message.getInteger("attempts")).isZero();
            assertThat(message.containsKey("leaseToken")).isFalse();
        });

        // the first event again: a duplicate is neither mailed nor counted
        String marker = "marker-" + firstRegistration.substring(0, 8) + "@testbageri.example";
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events", firstEvent, SUBMITTED, firstRegistration, submitted(firstRegistration, to));
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    SUBMITTED,
                    firstRegistration,
                    submitted(firstRegistration, marker));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(marker).size() == 1);
        assertThat(inboxOf(to)).hasSize(5);
        Document counter = mongo.findById(
                "confirm-request:" + AddressKey.of(to) + ":" + LocalDate.now(ZoneId.of("Europe/Stockholm")),
                Document.class,
                "recipientDailyCounts");
        assertThat(counter.get("count", Number.class).intValue()).isEqualTo(8);
    }
}
