package se.motesdagen.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.bson.Document;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.eclipse.angus.mail.dsn.MultipartReport;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.motesdagen.notification.bounces.Bounces;
import se.motesdagen.notification.mail.Calendars;
import se.motesdagen.notification.mail.QrCodes;
import se.motesdagen.notification.mail.ReceivedMail;
import se.motesdagen.notification.reminders.Reminders;
import se.motesdagen.platform.security.LinkSeal;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.ContractSchemas;
import se.motesdagen.platform.test.DeadLetters;
import se.motesdagen.platform.test.OpenedLinks;
import se.motesdagen.platform.test.TopicReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The notification service from event to inbox: real Kafka consumers, the real store and an SMTP
 * server that keeps what it receives. Subclasses decide which Kafka and MongoDB.
 */
@SpringBootTest(properties = "motesdagen.mail.poll-interval=50ms")
@AutoConfigureMockMvc
abstract class NotificationJourneyTests {

    static final String SUBMITTED = "se.motesdagen.registration.submitted.v2";
    static final String SUBMITTED_V1 = "se.motesdagen.registration.submitted.v1";
    static final String CANCELLED = "se.motesdagen.registration.cancelled.v1";
    static final String MANAGE_LINK = "se.motesdagen.registration.manage-link-sent.v2";
    static final String UPDATED = "se.motesdagen.registration.updated.v1";
    static final String PROMOTED = "se.motesdagen.registration.waitlist-promoted.v1";
    static final String CONFIRMED = "se.motesdagen.registration.confirmed.v2";
    static final String ERASED = "se.motesdagen.registration.erased.v1";
    static final String EXAMPLE_REGISTRATION = "0f8fad5b-d9cb-469f-a165-70867728950e";
    /** The local stack's ring, which the service under test reads from its application.yml. */
    static final LinkSeal SEAL = OpenedLinks.LOCAL;

    static final String VISIT_SCHEDULED = "se.motesdagen.visit.scheduled.v2";
    static final String VISIT_RESCHEDULED = "se.motesdagen.visit.rescheduled.v2";
    static final String VISIT_CANCELLED = "se.motesdagen.visit.cancelled.v1";
    static final String ITINERARY = "se.motesdagen.visit.itinerary-published.v1";
    static final String FEEDBACK_REQUESTED = "se.motesdagen.feedback.requested.v2";
    static final String FOLLOW_UP = "se.motesdagen.feedback.follow-up-published.v1";
    static final String VOTE_OPENED = "se.motesdagen.feedback.vote-opened.v2";
    static final GreenMail MAIL = startMailServer();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String BOUNCES = "bounces@nykoping.example";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Reminders reminders;

    @Autowired
    Bounces bounces;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("motesdagen.mail.bounces.host", () -> "127.0.0.1");
        registry.add("motesdagen.mail.bounces.port", () -> MAIL.getImap().getPort());
        registry.add("motesdagen.mail.bounces.protocol", () -> "imap");
        registry.add("motesdagen.mail.bounces.username", () -> BOUNCES);
        registry.add("motesdagen.mail.bounces.password", () -> BOUNCES);
        registry.add("motesdagen.mail.bounces.poll-interval", () -> "1h"); // the tests read when they mean to
    }

    @AfterEach
    void emptyInboxes() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
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
    void theCalendarFollowsTheRegistrationFromConfirmationThroughAChangeToTheCancellation() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        String to = "calendar-" + registrationId.substring(0, 8) + "@testbageri.example";
        String dayUid = registrationId + ".dagen@nykoping.example";
        String sessionUid = registrationId + ".kompetensforsorjning@nykoping.example";
        String confirmed = example(CONFIRMED, registrationId, to);
        ObjectNode updated = (ObjectNode) JSON.readTree(example(UPDATED, registrationId, to));
        updated.putArray("sessions");
        updated.putArray("places");
        updated.withArray("participants").forEach(p -> ((ObjectNode) p).putArray("sessionIds"));
        String cancelled = example(CANCELLED, registrationId, to);

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("registration.events", UUID.randomUUID().toString(), CONFIRMED, registrationId, confirmed);
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 1);
            producer.send(
                    "registration.events", UUID.randomUUID().toString(), UPDATED, registrationId, updated.toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 2);
            producer.send("registration.events", UUID.randomUUID().toString(), CANCELLED, registrationId, cancelled);
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 3);
        }
        List<ReceivedMail> mails = inboxOf(to).stream().map(ReceivedMail::of).toList();

        // the confirmation puts the day and the booked session in the calendar, at the Stockholm time
        ReceivedMail confirmation = mails.get(0);
        assertThat(confirmation.files()).extracting(ReceivedMail.File::filename).containsExactly("kalender.ics");
        assertThat(confirmation.files().getFirst().contentType())
                .startsWith("text/calendar")
                .contains("method=REQUEST");
        String raw = confirmation.files().getFirst().text();
        assertThat(raw.split("\r\n"))
                .as("long lines folded at 75 octets, never inside å, ä or ö")
                .allSatisfy(line ->
                        assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75))
                .anySatisfy(line -> assertThat(line).startsWith(" "));
        assertThat(raw.split("DTSTAMP:", -1)).as("one DTSTAMP per event").hasSize(3);
        Calendar booked = Calendars.parse(confirmation.files().getFirst());
        assertThat(booked.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        // the time zone the times refer to is in the file, under the same name
        assertThat(booked.getComponent(Component.VTIMEZONE)
                        .orElseThrow()
                        .getProperty(Property.TZID)
                        .orElseThrow()
                        .getValue())
                .isEqualTo("Europe/Stockholm");
        VEvent session = Calendars.event(booked, sessionUid);
        assertThat(Calendars.start(session))
                .isEqualTo(ZonedDateTime.of(2027, 8, 26, 10, 0, 0, 0, ZoneId.of("Europe/Stockholm"))
                        .toInstant());
        assertThat(session.getProperty(Property.DTSTART)
                        .orElseThrow()
                        .getParameter(Parameter.TZID)
                        .orElseThrow()
                        .getValue())
                .isEqualTo("Europe/Stockholm");
        assertThat(session.getProperty(Property.LOCATION).orElseThrow().getValue())
                .isEqualTo("Culturum, Nyköping");
        assertThat(session.getProperty(Property.DESCRIPTION).orElseThrow().getValue())
                .contains("Astrid Exempelsson")
                .contains("Culturum, Nyköping")
                .contains("http://localhost:8080/evenemang/stora-motesdagen-2027");
        assertThat(Calendars.event(booked, dayUid)
                        .getProperty(Property.DTSTART)
                        .orElseThrow()
                        .getValue())
                .isEqualTo("20270826");
        int confirmedSequence = Calendars.sequence(session);

        // the change replaces the day with a higher sequence and takes out the session no longer booked
        ReceivedMail change = mails.get(1);
        assertThat(change.files())
                .extracting(ReceivedMail.File::filename)
                .containsExactly("kalender.ics", "avbokat.ics");
        Calendar stillBooked = Calendars.parse(change.files().get(0));
        assertThat(Calendars.uids(stillBooked)).containsExactly(dayUid);
        assertThat(Calendars.sequence(Calendars.event(stillBooked, dayUid))).isGreaterThan(confirmedSequence);
        Calendar removed = Calendars.parse(change.files().get(1));
        assertThat(removed.getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo("CANCEL");
        assertThat(Calendars.uids(removed)).containsExactly(sessionUid);

        // the cancellation takes out what is left
        Calendar gone = Calendars.parse(mails.get(2).files().getFirst());
        assertThat(gone.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        assertThat(Calendars.uids(gone)).containsExactly(dayUid);
        assertThat(mails.get(2).text()).contains("tar bort dagen och passen ur din kalender");
    }

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
                        .with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(to)))
                .andExpect(content().string(containsString("1 meddelanden")));
        mvc.perform(get("/personal/meddelanden")
                        .param("q", to)
                        .param("status", "FAILED")
                        .with(httpBasic("personal", "motesdagen")))
                .andExpect(content().string(containsString("0 meddelanden")));
        // the message as sent: its text, and its HTML in a page that may run nothing
        mvc.perform(get("/personal/meddelanden/" + id).with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("Anmälan av Nyköpings Testbageri AB till Stora Mötesdagen 2027")));
        mvc.perform(get("/personal/meddelanden/" + id + "/html").with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
                .andExpect(content().string(containsString("/personal/meddelanden/logo.png\"")));

        // a reason is required
        mvc.perform(post("/personal/meddelanden/" + id + "/skicka-igen")
                        .param("reason", "  ")
                        .with(httpBasic("personal", "motesdagen"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv varför mejlet skickas igen.")));
        assertThat(inboxOf(to)).hasSize(1);

        mvc.perform(post("/personal/meddelanden/" + id + "/skicka-igen")
                        .param("reason", "Astrid ringde: mejlet hamnade i skräpposten")
                        .with(httpBasic("personal", "motesdagen"))
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
        assertThat(copy.getString("resentBy")).isEqualTo("personal");
        assertThat(copy.getString("resendReason")).isEqualTo("Astrid ringde: mejlet hamnade i skräpposten");
        mvc.perform(get("/personal/meddelanden/" + id).with(httpBasic("personal", "motesdagen")))
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

        mvc.perform(get("/personal/meddelanden/" + id).with(httpBasic("personal", "motesdagen")))
                .andExpect(content().string(containsString("personlig länk som inte sparas")));
        mvc.perform(post("/personal/meddelanden/" + id + "/skicka-igen")
                        .param("reason", "Försök igen")
                        .with(httpBasic("personal", "motesdagen"))
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
                            .with(httpBasic("personal", "motesdagen")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Hej Astrid Exempelsson!")))
                    .andExpect(content().string(containsString("Stora Mötesdagen 2027")));
            mvc.perform(get("/personal/meddelanden/mallar/" + template)
                            .param("sprak", "en")
                            .with(httpBasic("personal", "motesdagen")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Hello Astrid Exempelsson,")));
            mvc.perform(get("/personal/meddelanden/mallar/" + template + "/html")
                            .param("sprak", "en")
                            .with(httpBasic("personal", "motesdagen")))
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
                            .with(httpBasic("personal", "motesdagen")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Hej " + greeting + "!")));
            mvc.perform(get("/personal/meddelanden/mallar/" + template)
                            .param("sprak", "en")
                            .with(httpBasic("personal", "motesdagen")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Hello " + greeting + ",")));
        }
        mvc.perform(get("/personal/meddelanden/mallar/no-such-template").with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theReminderIsKeptFromTheConfirmationSentOnceAtItsMomentAndItsLinkStopsRemindersOnly() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        String to = "remind-" + registrationId.substring(0, 8) + "@testbageri.example";
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    registrationId,
                    confirmedOn(registrationId, to, "2027-09-15"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 1);
        Document reminder = await().atMost(Duration.ofSeconds(10))
                .until(() -> mongo.findById(registrationId + ":reminder", Document.class, "reminders"), r -> r != null);
        // two days before, at nine in the morning in Stockholm (summer time: 07.00 UTC)
        Instant moment = Instant.parse("2027-09-13T07:00:00Z");
        assertThat(reminder.getDate("dueAt").toInstant()).isEqualTo(moment);
        assertThat(reminder.getString("status")).isEqualTo("SCHEDULED");
        assertThat(reminder.getString("payload"))
                .as("the manage link is not kept")
                .doesNotContain("token=");

        reminders.sendDue(moment.minusSeconds(60));
        reminders.sendDue(moment.plusSeconds(60));
        reminders.sendDue(moment.plusSeconds(120));

        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 2);
        MimeMessage sent = inboxOf(to).get(1);
        assertThat(sent.getSubject()).isEqualTo("Påminnelse: Stora Mötesdagen 2027 närmar sig");
        assertThat(ReceivedMail.of(sent).text())
                .contains("kl. 10.00–11.00 Kompetensförsörjning")
                .contains("Inga fler påminnelser (http://localhost:8080/utskick/avregistrera?token=");
        String unsubscribe = sent.getHeader("List-Unsubscribe", null);
        assertThat(unsubscribe).startsWith("<http://localhost:8080/utskick/avregistrera?token=");
        assertThat(sent.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mongo.findById(registrationId + ":reminder", Document.class, "reminders")
                        .getString("status"))
                .isEqualTo("QUEUED");

        // the link shows a button; the mail program's one-click POST stops the reminders
        String token = unsubscribe.replaceAll(".*token=([^>]+)>", "$1");
        mvc.perform(get("/avregistrera").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sluta skicka påminnelser")));
        mvc.perform(post("/avregistrera").param("token", token).param("List-Unsubscribe", "One-Click"))
                .andExpect(status().isOk());
        mvc.perform(post("/avregistrera").param("token", "nobody-got-this")).andExpect(status().isNotFound());

        // the same person's next registration: confirmed as always, but no reminder
        String next = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    next,
                    confirmedOn(next, to, "2027-09-15"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 3);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mongo.findById(next + ":reminder", Document.class, "reminders") != null);
        reminders.sendDue(moment.plusSeconds(60));
        assertThat(mongo.findById(next + ":reminder", Document.class, "reminders")
                        .getString("status"))
                .isEqualTo("UNSUBSCRIBED");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> inboxOf(to).size() == 3);
    }

    @Test
    void noReminderForACancelledRegistrationNorOneWhoseMomentHadPassedNorOneFoundHoursLate() throws Exception {
        String cancelled = UUID.randomUUID().toString();
        String tooLate = UUID.randomUUID().toString();
        String late = UUID.randomUUID().toString();
        String to = "no-reminder-" + cancelled.substring(0, 8) + "@testbageri.example";
        String tomorrow =
                LocalDate.now(ZoneId.of("Europe/Stockholm")).plusDays(1).toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    cancelled,
                    confirmedOn(cancelled, to, "2027-10-20"));
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CANCELLED,
                    cancelled,
                    example(CANCELLED, cancelled, to));
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    tooLate,
                    confirmedOn(tooLate, to, tomorrow));
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    late,
                    confirmedOn(late, to, "2027-10-20"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 4);
        // the cancellation is handled behind the confirmation: on a loaded machine that can take a while
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(cancelled + ":reminder", Document.class, "reminders") != null
                        && "CANCELLED"
                                .equals(mongo.findById(cancelled + ":reminder", Document.class, "reminders")
                                        .getString("status")));
        assertThat(mongo.findById(tooLate + ":reminder", Document.class, "reminders")
                        .getString("status"))
                .as("its moment had passed when it was made")
                .isEqualTo("SKIPPED");

        // the service was down over the moment and comes back seven hours later: too late to be a reminder
        reminders.sendDue(Instant.parse("2027-10-18T07:00:00Z").plus(Duration.ofHours(7)));

        assertThat(mongo.findById(late + ":reminder", Document.class, "reminders")
                        .getString("status"))
                .isEqualTo("SKIPPED");
        assertThat(mongo.findById(cancelled + ":reminder", Document.class, "reminders")
                        .getString("status"))
                .isEqualTo("CANCELLED");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> inboxOf(to).size() == 4);
        assertThat(inboxOf(to)).noneMatch(m -> {
            try {
                return m.getSubject().startsWith("Påminnelse");
            } catch (MessagingException e) {
                return false;
            }
        });
    }

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
        assertThat(entry.getString("lastError")).contains("5.1.1").contains("User unknown");
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
        // the handled notices are gone; the "delayed" one is left for a person
        assertThat(MAIL.getReceivedMessagesForDomain("nykoping.example"))
                .extracting(m -> m.getSubject())
                .containsExactly("Delayed Mail (still being retried)");
        mvc.perform(get("/personal/meddelanden")
                        .param("status", "BOUNCED")
                        .param("q", to)
                        .with(httpBasic("personal", "motesdagen")))
                .andExpect(content().string(containsString("1 meddelanden")));
    }

    /** A notification as a receiving mail server writes it (RFC 3464), returning the headers of our mail. */
    private static MimeMessage deliveryStatusNotification(
            MimeMessage original, String recipient, String action, String code) throws Exception {
        DeliveryStatus status = new DeliveryStatus();
        InternetHeaders reporter = new InternetHeaders();
        reporter.addHeader("Reporting-MTA", "dns; mx.testbageri.example");
        status.setMessageDSN(reporter);
        InternetHeaders about = new InternetHeaders();
        about.addHeader("Final-Recipient", "rfc822; " + recipient);
        about.addHeader("Action", action);
        about.addHeader("Status", code);
        about.addHeader(
                "Diagnostic-Code", "smtp; 550 5.1.1 <" + recipient + ">: Recipient address rejected: User unknown");
        status.addRecipientDSN(about);
        InternetHeaders returned = new InternetHeaders();
        for (String name : List.of("Message-ID", "X-Motesdagen-Message-Id", "Subject")) {
            returned.addHeader(name, original.getHeader(name, null));
        }
        MimeMessage notice = new MimeMessage(Session.getInstance(new Properties()));
        notice.setFrom("MAILER-DAEMON@mx.testbageri.example");
        notice.setRecipients(Message.RecipientType.TO, BOUNCES);
        notice.setSubject(
                "failed".equals(action) ? "Undelivered Mail Returned to Sender" : "Delayed Mail (still being retried)");
        notice.setContent(new MultipartReport("The mail could not be delivered.", status, returned));
        notice.saveChanges();
        return notice;
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
    void aV1EventFromBeforeTheLinksWereSealedIsStillMailedAndASealForAnotherRegistrationNeverIs() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        String to = "v1-" + registrationId.substring(0, 8) + "@testbageri.example";
        String copiedSeal = example(SUBMITTED, UUID.randomUUID().toString(), to);
        String stolenId = "stolen-" + UUID.randomUUID();

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            // a sealed link copied from another registration's event does not open: dead letter, no mail
            producer.send(
                    "registration.events",
                    stolenId,
                    SUBMITTED,
                    registrationId,
                    copiedSeal.replaceFirst(
                            "\"registrationId\": \"[^\"]+\"", "\"registrationId\": \"" + registrationId + "\""));
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    SUBMITTED_V1,
                    registrationId,
                    example(SUBMITTED_V1, registrationId, to));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 1);
        assertThat(ReceivedMail.of(inboxOf(to).getFirst()).text())
                .contains("http://localhost:8080/anmalan/bekrafta?token=q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> new DeadLetters(bootstrapServers)
                        .eventIds("registration.events.notification-confirm-request.dlq")
                        .contains(stolenId));
        assertThat(inboxOf(to)).hasSize(1);
    }

    @Test
    void anEventThatBreaksTheContractGoesToTheDeadLetterTopicAndTheNextOneIsStillHandled() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        String badEventId = "bad-" + UUID.randomUUID();
        String to = "after-poison-" + registrationId.substring(0, 8) + "@testbageri.example";

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    badEventId,
                    SUBMITTED,
                    registrationId,
                    "{\"registrationId\":\"" + registrationId + "\"}");
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
                        .eventIds("registration.events.notification-confirm-request.dlq")
                        .contains(badEventId));
        await().atMost(Duration.ofSeconds(40))
                .until(() -> deadLettersCounted("registration.events.notification-confirm-request.dlq") >= 1);
    }

    @Test
    void anAddressGetsOnlyAFewConfirmRequestsADayHoweverManyRegistrationsNameIt() throws Exception {
        String to = "victim-" + UUID.randomUUID().toString().substring(0, 8) + "@testbageri.example";
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            for (int i = 0; i < 8; i++) {
                String registrationId = UUID.randomUUID().toString();
                producer.send(
                        "registration.events",
                        UUID.randomUUID().toString(),
                        SUBMITTED,
                        registrationId,
                        submitted(registrationId, to));
            }
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> mvc.perform(get("/personal/meddelanden").with(httpBasic("personal", "motesdagen")))
                        .andExpect(content()
                                .string(Matchers.containsString(
                                        "Ej skickat: adressen har fått så många sådana mejl som tillåts i dag"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 5);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> inboxOf(to).size() == 5);
    }

    private double deadLettersCounted(String topic) throws Exception {
        String metrics = mvc.perform(get("/actuator/prometheus"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher m = Pattern.compile(
                        "motesdagen_events_dead_letters\\{[^}]*topic=\"" + Pattern.quote(topic) + "\"[^}]*} ([0-9.]+)")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
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
                .untilAsserted(() -> mvc.perform(get("/personal/meddelanden").with(httpBasic("personal", "motesdagen")))
                        .andExpect(status().isOk())
                        .andExpect(content().string(Matchers.containsString(to)))
                        .andExpect(content().string(Matchers.containsString("Skickat"))));
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(content().string(Matchers.containsString("motesdagen_mail_sent_total")));
    }

    @Test
    void aVisitIsMailedWithItsTimeHostsAndLinksMovedInTheCalendarAndRemindedOfOnItsMorning() throws Exception {
        String visitId = UUID.randomUUID().toString();
        String to = "visit-" + visitId.substring(0, 8) + "@testbageri.example";
        String uid = visitId + ".besok@nykoping.example";
        ObjectNode nextDay = (ObjectNode) JSON.readTree(visitExample(VISIT_RESCHEDULED, visitId, to));
        nextDay.put("startsAt", "2027-08-27T09:00:00+02:00");
        nextDay.put("endsAt", "2027-08-27T10:00:00+02:00");
        nextDay.put("previousStartsAt", "2027-08-26T13:30:00+02:00");
        nextDay.put("previousEndsAt", "2027-08-26T14:30:00+02:00");
        nextDay.put("rescheduledAt", "2027-08-26T08:00:00Z");

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "visit.events",
                    UUID.randomUUID().toString(),
                    VISIT_SCHEDULED,
                    visitId,
                    visitExample(VISIT_SCHEDULED, visitId, to));
            producer.send(
                    "visit.events",
                    UUID.randomUUID().toString(),
                    VISIT_RESCHEDULED,
                    visitId,
                    visitExample(VISIT_RESCHEDULED, visitId, to));
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 2);
        }
        MimeMessage scheduled = mailTo(to, "Företagsbesök");
        assertThat(scheduled.getSubject())
                .isEqualTo("Företagsbesök hos Nyköpings Testbageri AB torsdag 26 augusti 2027 kl. 10.30–11.30");
        ReceivedMail first = ReceivedMail.of(scheduled);
        assertThat(first.text())
                .contains("Karin Påhittad, Kommunalråd")
                .contains("Olof Exempel, Näringslivsutvecklare, näringslivsenheten")
                .contains("Bagargatan 3, 611 30 Nyköping")
                .contains("Kompetensförsörjning, Tillstånd och tillsyn")
                .contains("Bekräfta tiden:\nhttp://localhost:8080/besok/svar?token=")
                .contains("Be om en annan tid (http://localhost:8080/besok/annan-tid?token=");
        Calendar booked = Calendars.parse(first.files().getFirst());
        assertThat(booked.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        VEvent visit = Calendars.event(booked, uid);
        assertThat(Calendars.start(visit)).isEqualTo(Instant.parse("2027-08-26T08:30:00Z"));
        assertThat(visit.getProperty(Property.LOCATION).orElseThrow().getValue())
                .isEqualTo("Bagargatan 3, 611 30 Nyköping");
        assertThat(visit.getProperty(Property.DESCRIPTION).orElseThrow().getValue())
                .contains("Karin Påhittad (Kommunalråd)")
                .contains("http://localhost:8080/besok/annan-tid?token=");

        // the new time replaces the item in the calendar: the same UID, a higher sequence
        MimeMessage moved = mailTo(to, "Ny tid");
        assertThat(moved.getSubject())
                .isEqualTo("Ny tid för besöket hos Nyköpings Testbageri AB: torsdag 26 augusti 2027 kl. 13.30–14.30");
        ReceivedMail second = ReceivedMail.of(moved);
        assertThat(second.text())
                .contains("Det var tidigare torsdag 26 augusti 2027 kl. 10.30–11.30.")
                .contains("Ni bad om en tid efter lunch.");
        VEvent movedVisit = Calendars.event(Calendars.parse(second.files().getFirst()), uid);
        assertThat(Calendars.start(movedVisit)).isEqualTo(Instant.parse("2027-08-26T11:30:00Z"));
        assertThat(Calendars.sequence(movedVisit)).isGreaterThan(Calendars.sequence(visit));

        // the reminder on the morning of the visit: seven o'clock Stockholm time, no links kept
        Instant morning = Instant.parse("2027-08-26T05:00:00Z");
        Document reminder = await().atMost(Duration.ofSeconds(10))
                .until(() -> mongo.findById(visitId + ":visit-reminder", Document.class, "reminders"), r -> r != null);
        assertThat(reminder.getDate("dueAt").toInstant()).isEqualTo(morning);
        assertThat(reminder.getString("payload")).doesNotContain("token=");
        reminders.sendDue(morning.plusSeconds(60));
        reminders.sendDue(morning.plusSeconds(120));
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 3);
        MimeMessage today = mailTo(to, "I dag");
        assertThat(today.getSubject())
                .isEqualTo("I dag: besök hos Nyköpings Testbageri AB torsdag 26 augusti 2027 kl. 13.30–14.30");
        assertThat(ReceivedMail.of(today).text())
                .contains("I dag kommer vi på besök")
                .doesNotContain("besok/svar")
                .doesNotContain("besok/annan-tid");
        assertThat(today.getHeader("List-Unsubscribe", null)).startsWith("<http://localhost:8080/utskick/avregistrera");

        // moved again, to the next day: its morning gets a reminder of its own
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("visit.events", UUID.randomUUID().toString(), VISIT_RESCHEDULED, visitId, nextDay.toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 4);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "SCHEDULED"
                        .equals(mongo.findById(visitId + ":visit-reminder", Document.class, "reminders")
                                .getString("status")));
        assertThat(mongo.findById(visitId + ":visit-reminder", Document.class, "reminders")
                        .getDate("dueAt")
                        .toInstant())
                .isEqualTo(morning.plus(Duration.ofDays(1)));
        reminders.sendDue(morning.plus(Duration.ofDays(1)).plusSeconds(60));
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 5);
        assertThat(inboxOf(to).stream().filter(m -> subjectOf(m).startsWith("I dag")))
                .extracting(NotificationJourneyTests::subjectOf)
                .anyMatch(subject -> subject.contains("fredag 27 augusti 2027 kl. 9.00–10.00"));
    }

    @Test
    void aCancelledVisitLeavesTheCalendarAndItsMorningReminderIsCalledOff() throws Exception {
        String visitId = UUID.randomUUID().toString();
        String to = "visit-off-" + visitId.substring(0, 8) + "@testbageri.example";
        String cancelledEvent = UUID.randomUUID().toString();
        String cancelled = visitExample(VISIT_CANCELLED, visitId, to);
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "visit.events",
                    UUID.randomUUID().toString(),
                    VISIT_SCHEDULED,
                    visitId,
                    visitExample(VISIT_SCHEDULED, visitId, to));
            producer.send("visit.events", cancelledEvent, VISIT_CANCELLED, visitId, cancelled);
            producer.send("visit.events", cancelledEvent, VISIT_CANCELLED, visitId, cancelled);
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 2);
        }
        MimeMessage off = mailTo(to, "Besöket hos");
        assertThat(off.getSubject())
                .isEqualTo("Besöket hos Nyköpings Testbageri AB torsdag 26 augusti 2027 kl. 13.30–14.30 blir inte av");
        ReceivedMail mail = ReceivedMail.of(off);
        assertThat(mail.files()).extracting(ReceivedMail.File::filename).containsExactly("avbokat.ics");
        Calendar removed = Calendars.parse(mail.files().getFirst());
        assertThat(removed.getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo("CANCEL");
        assertThat(Calendars.uids(removed)).containsExactly(visitId + ".besok@nykoping.example");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "CANCELLED"
                        .equals(mongo.findById(visitId + ":visit-reminder", Document.class, "reminders")
                                .getString("status")));
        reminders.sendDue(Instant.parse("2027-08-26T05:01:00Z"));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> inboxOf(to).size() == 2);
    }

    @Test
    void aHostGetsTheDayInOrderAndALaterItineraryTakesOutOfTheCalendarWhatNoLongerHolds() throws Exception {
        String hostId = "h-" + UUID.randomUUID().toString().substring(0, 8);
        String to = hostId + "@nykoping.example";
        ObjectNode day = (ObjectNode) JSON.readTree(CloudEventProducer.example(ITINERARY)
                .replace("h-olof", hostId)
                .replace("olof.exempel@nykoping.example", to));
        ObjectNode shorter = day.deepCopy();
        shorter.withArray("stops").remove(3);
        shorter.put("publishedAt", "2027-08-12T09:00:00Z");
        ObjectNode none = day.deepCopy();
        none.putArray("stops");
        none.put("publishedAt", "2027-08-13T09:00:00Z");

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("visit.events", UUID.randomUUID().toString(), ITINERARY, hostId, day.toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 1);
            producer.send("visit.events", UUID.randomUUID().toString(), ITINERARY, hostId, shorter.toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 2);
            producer.send("visit.events", UUID.randomUUID().toString(), ITINERARY, hostId, none.toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 3);
        }
        List<ReceivedMail> inbox = inboxOf(to).stream().map(ReceivedMail::of).toList();
        assertThat(inboxOf(to))
                .extracting(NotificationJourneyTests::subjectOf)
                .containsOnly("Ditt schema för företagsbesöken torsdag 26 augusti 2027");
        // told apart by what they hold: the mail server keeps no order among mails that come close together
        ReceivedMail full = inbox.stream()
                .filter(m -> m.text().contains("Stigtomta"))
                .findFirst()
                .orElseThrow();
        assertThat(full.text())
                .contains("Hej Olof Exempel!")
                .contains("Du åker tillsammans med Karin Påhittad (Kommunalråd), tel. 070-000 00 01.")
                .contains("Kontakt: Astrid Exempelsson, 0155-00 00 00")
                .contains("Tar emot: Karl Exempelsson, bagarmästare, 070-000 00 02")
                .contains("Körtid dit: 18 min");
        assertThat(full.text().indexOf("9.00–9.45 Gemensam start"))
                .isLessThan(full.text().indexOf("10.30–11.30 Nyköpings Testbageri AB"))
                .isLessThan(full.text().indexOf("12.00–13.00 Lunch"))
                .isLessThan(full.text().indexOf("13.30–14.30 Stigtomta Exempelsnickeri HB"));
        Calendar whole = Calendars.parse(full.files().getFirst());
        String stigtomta = "c81e728d-9d4c-4f63-8e2a-1b0f3a9d7e45." + hostId + "@nykoping.example";
        assertThat(Calendars.uids(whole)).hasSize(4).contains(stigtomta);
        assertThat(Calendars.start(Calendars.event(whole, stigtomta))).isEqualTo(Instant.parse("2027-08-26T11:30:00Z"));

        ReceivedMail changed = inbox.stream()
                .filter(m -> !m.text().contains("Stigtomta") && m.text().contains("Lunch"))
                .findFirst()
                .orElseThrow();
        assertThat(changed.files())
                .extracting(ReceivedMail.File::filename)
                .containsExactly("kalender.ics", "avbokat.ics");
        assertThat(Calendars.uids(Calendars.parse(changed.files().get(0))))
                .hasSize(3)
                .doesNotContain(stigtomta);
        assertThat(Calendars.uids(Calendars.parse(changed.files().get(1)))).containsExactly(stigtomta);

        ReceivedMail empty = inbox.stream()
                .filter(m -> m.text().contains("Du har inte längre"))
                .findFirst()
                .orElseThrow();
        assertThat(empty.text()).contains("Du har inte längre några företagsbesök torsdag 26 augusti 2027.");
        assertThat(empty.files()).extracting(ReceivedMail.File::filename).containsExactly("avbokat.ics");
        assertThat(Calendars.uids(Calendars.parse(empty.files().getFirst()))).hasSize(3);
    }

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

    @Test
    void anErasedRegistrationLeavesNoAddressNoMailTextNoReminderAndNoCalendarMemoryBehind() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        String to = "erase-" + registrationId.substring(0, 8) + "@testbageri.example";
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    registrationId,
                    example(CONFIRMED, registrationId, to));
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 1);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> mongo.findById(registrationId + ":reminder", Document.class, "reminders") != null);
            assertThat(mongo.count(Query.query(Criteria.where("owner").is(registrationId)), "calendarItems"))
                    .isPositive();
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    ERASED,
                    registrationId,
                    example(ERASED, registrationId, to));
        }
        Query ofRegistration = Query.query(Criteria.where("registrationId").is(registrationId));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.find(ofRegistration, Document.class, "messages").stream()
                        .allMatch(m -> "[raderad]".equals(m.getString("recipient"))));
        Document message =
                mongo.find(ofRegistration, Document.class, "messages").getFirst();
        assertThat(message.getString("status")).isEqualTo("SENT");
        assertThat(message.toJson()).doesNotContain(to).doesNotContain("Astrid");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mongo.findById(registrationId + ":reminder", Document.class, "reminders") == null);
        assertThat(mongo.count(Query.query(Criteria.where("owner").is(registrationId)), "calendarItems"))
                .isZero();
        mvc.perform(get("/personal/meddelanden/" + message.getString("_id")).with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isOk());
    }

    /** The one mail to the address whose subject starts so: the mail server keeps no order among mails sent together. */
    private static MimeMessage mailTo(String address, String subjectStart) {
        return inboxOf(address).stream()
                .filter(m -> subjectOf(m).startsWith(subjectStart))
                .reduce((a, b) -> {
                    throw new AssertionError("More than one mail to " + address + " starting " + subjectStart);
                })
                .orElseThrow(() -> new AssertionError("No mail to " + address + " starting " + subjectStart));
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String visitExample(String type, String visitId, String email) {
        return resealed(
                CloudEventProducer.example(type)
                        .replace("b7a4c2e0-5d1f-4c8e-9a63-2f0e8d1c4b57", visitId)
                        .replace("astrid@testbageri.example", email),
                "b7a4c2e0-5d1f-4c8e-9a63-2f0e8d1c4b57",
                visitId);
    }

    /**
     * The contract's example of the type, made this test's own: its registration and its contact's address,
     * and its sealed link sealed again for that registration, as the registration service would.
     */
    private static String example(String type, String registrationId, String email) {
        return resealed(
                CloudEventProducer.example(type)
                        .replace(EXAMPLE_REGISTRATION, registrationId)
                        .replace("astrid@testbageri.example", email),
                EXAMPLE_REGISTRATION,
                registrationId);
    }

    /** The example's sealed links sealed again for the id the test gave it, as its producer would have. */
    private static String resealed(String body, String exampleId, String id) {
        return Pattern.compile("seal1\\.[A-Za-z0-9_.-]+")
                .matcher(body)
                .replaceAll(found -> Matcher.quoteReplacement(SEAL.seal(SEAL.open(found.group(), exampleId), id)));
    }

    private static String confirmedOn(String registrationId, String email, String eventDate) {
        return example(CONFIRMED, registrationId, email)
                .replace("\"eventDate\": \"2027-08-26\"", "\"eventDate\": \"" + eventDate + "\"");
    }

    private static String submitted(String registrationId, String email) {
        return example(SUBMITTED, registrationId, email);
    }

    private static List<MimeMessage> inboxOf(String address) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(RecipientType.TO))
                                .anyMatch(a -> a.toString().equals(address));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    private static GreenMail startMailServer() {
        GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        return mail;
    }
}
