package se.motesdagen.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import se.motesdagen.feedback.jobs.SurveyRounds;
import se.motesdagen.feedback.survey.Questionnaire;
import se.motesdagen.feedback.system.DemoAnswers;
import se.motesdagen.feedback.vote.Votes;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.ContractSchemas;
import se.motesdagen.platform.test.DeadLetters;
import se.motesdagen.platform.test.OpenedLinks;
import se.motesdagen.platform.test.TopicReader;

/** RegistrationConfirmed on Kafka → a participant to survey later, once. Subclasses pick the infrastructure. */
@SpringBootTest
@AutoConfigureMockMvc
abstract class FeedbackJourneyTests {

    static final String CONFIRMED = "se.motesdagen.registration.confirmed.v2";
    static final String COMPLETED = "se.motesdagen.visit.completed.v1";
    static final String ATTENDED = "se.motesdagen.registration.attendance-recorded.v1";

    @Autowired
    SurveyRounds rounds;

    @Autowired
    Votes votes;

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void aConfirmedRegistrationBecomesOneParticipantEvenWhenTheEventComesTwice() {
        String registrationId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("registration.events", eventId, CONFIRMED, registrationId, confirmed(registrationId));
            producer.send("registration.events", eventId, CONFIRMED, registrationId, confirmed(registrationId));
            String marker = UUID.randomUUID().toString();
            producer.send(
                    "registration.events", UUID.randomUUID().toString(), CONFIRMED, registrationId, confirmed(marker));
            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(byId(marker), "participants"));
        }

        assertThat(mongo.count(byId(registrationId), "participants")).isEqualTo(1);
        Document participant = mongo.findOne(byId(registrationId), Document.class, "participants");
        assertThat(participant.getString("contactEmail")).isEqualTo("astrid@testbageri.example");
        assertThat(participant.getInteger("attendees")).isEqualTo(2);
        assertThat(participant.getString("dayId")).isEqualTo("stora-motesdagen-2027");
    }

    @Test
    void anEventThatBreaksTheContractGoesToTheDeadLetterTopicAndTheNextOneIsStillHandled() {
        String registrationId = UUID.randomUUID().toString();
        String badEventId = "bad-" + UUID.randomUUID();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("registration.events", badEventId, CONFIRMED, registrationId, "[]");
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    registrationId,
                    confirmed(registrationId));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(byId(registrationId), "participants"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> new DeadLetters(bootstrapServers)
                        .eventIds("registration.events.feedback-participant.dlq")
                        .contains(badEventId));
    }

    @Test
    void theStaffListShowsTheParticipantsBehindTheLogin() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    registrationId,
                    confirmed(registrationId).replace("Nyköpings Testbageri AB", "Deltagarbolaget AB"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(byId(registrationId), "participants"));

        mvc.perform(get("/personal/deltagare")).andExpect(status().isUnauthorized());
        mvc.perform(get("/personal/deltagare").with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Deltagarbolaget AB")));
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(
                        content().string(Matchers.containsString("motesdagen_feedback_participants_recorded_total")));
    }

    @Test
    void anErasedRegistrationLeavesNoPersonBehindAndALateConfirmationDoesNotBringItBack() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            confirmParticipant(producer, registrationId);
            producer.sendExample(
                    "registration.events",
                    "se.motesdagen.registration.erased.v1",
                    registrationId,
                    "0f8fad5b-d9cb-469f-a165-70867728950e",
                    registrationId);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !mongo.exists(byId(registrationId), "participants"));
        // a confirmation delivered again after the erasure brings nothing back
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    registrationId,
                    confirmed(registrationId));
            String marker = UUID.randomUUID().toString();
            producer.send(
                    "registration.events", UUID.randomUUID().toString(), CONFIRMED, registrationId, confirmed(marker));
            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(byId(marker), "participants"));
        }
        assertThat(mongo.exists(byId(registrationId), "participants")).isFalse();
    }

    @Test
    void aVisitDoneAsksItsContactOnceAndTheAnswerIsSavedThenSentOnceAndCountedWithoutAName() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        String visitId = UUID.randomUUID().toString();
        String handVisit = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            confirmParticipant(producer, registrationId);
            for (int copy = 0; copy < 2; copy++) {
                producer.send(
                        "visit.events", "done-" + visitId, COMPLETED, visitId, completed(visitId, registrationId));
            }
            // a visit added by hand has no registration: nobody to ask
            producer.send(
                    "visit.events",
                    UUID.randomUUID().toString(),
                    COMPLETED,
                    handVisit,
                    completed(handVisit, registrationId)
                            .replace("\"registrationId\": \"" + registrationId + "\"", "\"registrationId\": null"));
        }
        TopicReader topic = new TopicReader(bootstrapServers);
        List<TopicReader.PublishedEvent> requested = await().atMost(Duration.ofSeconds(30))
                .until(() -> topic.read("feedback.events", ("visit-" + visitId)::equals), e -> !e.isEmpty());
        // the second copy of the event asks nothing more
        requested = await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> topic.read("feedback.events", ("visit-" + visitId)::equals), e -> e.size() == 1);
        TopicReader.PublishedEvent invitation = requested.getFirst();
        assertThat(invitation.type()).isEqualTo("se.motesdagen.feedback.requested.v2");
        assertThat(ContractSchemas.violations(invitation.type(), invitation.body()))
                .isEmpty();
        assertThat(invitation.body()).contains("astrid@testbageri.example").contains("\"surveyKind\":\"visit\"");
        assertThat(mongo.exists(byId("visit-" + handVisit), "invitations")).isFalse();
        String token = invitation
                .body()
                .transform(b -> OpenedLinks.in(b, "invitationId"))
                .replaceAll("(?s).*enkat\\?token=([A-Za-z0-9_-]+).*", "$1");

        mvc.perform(get("/enkat").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hur nöjd är du med bemötandet?")));
        mvc.perform(get("/enkat").param("token", token.substring(1) + "x"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Länken gäller inte")));

        // half-filled, saved, and there when the link is opened again
        mvc.perform(post("/enkat")
                        .param("token", token)
                        .param("bemotande", "5")
                        .param("kompetens", "vet-inte")
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Svaren är sparade")));
        mvc.perform(get("/enkat").param("token", token))
                .andExpect(content().string(containsString("id=\"bemotande-5\" value=\"5\" checked")))
                .andExpect(content().string(containsString("id=\"kompetens-vet-inte\" value=\"vet-inte\" checked")));
        assertThat(mongo.findById("visit-" + visitId, Document.class, "invitations")
                        .get("submittedAt"))
                .isNull();

        mvc.perform(post("/enkat")
                        .param("token", token)
                        .param("nki-helhet", "9")
                        .param("action", "skicka")
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Välj ett av alternativen.")));
        for (int round = 0; round < 2; round++) {
            var sent = mvc.perform(post("/enkat")
                    .param("token", token)
                    .param("action", "skicka")
                    .param("information", "4")
                    .param("bemotande", "6")
                    .param("nki-helhet", "6")
                    .param("nki-forvantningar", "5")
                    .param("nki-ideal", "4")
                    .param("change", "Samla tillstånden hos en kontaktperson.")
                    .param("hearBack", "email")
                    .with(csrf()));
            if (round == 0) {
                sent.andExpect(status().isOk()).andExpect(content().string(containsString("Tack för dina svar!")));
            } else {
                sent.andExpect(status().isConflict())
                        .andExpect(content().string(containsString("Du har redan skickat dina svar.")));
            }
        }
        List<TopicReader.PublishedEvent> answered = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> topic.read("feedback.events", ("visit-" + visitId)::equals).stream()
                                .filter(e -> e.type().equals("se.motesdagen.feedback.submitted.v1"))
                                .toList(),
                        e -> !e.isEmpty());
        assertThat(answered).hasSize(1);
        String body = answered.getFirst().body();
        assertThat(ContractSchemas.violations("se.motesdagen.feedback.submitted.v1", body))
                .isEmpty();
        // (100 + 80 + 60) / 3 on the 1–6 scale; information 4 → 60; no name, no registration: not asked to be contacted
        assertThat(body)
                .contains("\"nki\":80.0")
                .contains("\"information\":60.0")
                .contains("\"kompetens\":null")
                .contains("\"registrationId\":null")
                .doesNotContain("astrid")
                .doesNotContain("Astrid");

        assertThat(mongo.findById("svar-visit-" + visitId, Document.class, "proposals")
                        .getString("text"))
                .isEqualTo("Samla tillstånden hos en kontaktperson.");

        // erased: the invitation no longer names anyone; the answers stay for the figures
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.sendExample(
                    "registration.events",
                    "se.motesdagen.registration.erased.v1",
                    registrationId,
                    "0f8fad5b-d9cb-469f-a165-70867728950e",
                    registrationId);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById("visit-" + visitId, Document.class, "invitations")
                                .get("recipientEmail")
                        == null);
        Document kept = mongo.findById("visit-" + visitId, Document.class, "invitations");
        assertThat(kept.toJson()).doesNotContain("astrid").doesNotContain("Astrid");
        assertThat(kept.get("answer", Document.class)
                        .get("ratings", Document.class)
                        .getInteger("nki-helhet"))
                .isEqualTo(6);
        mvc.perform(get("/enkat").param("token", token)).andExpect(status().isNotFound());
    }

    @Test
    void theDashboardShowsNkiWithItsIntervalFromSevenAnswersSuppressesItBelowAndExportsTheAnswersWithoutNames()
            throws Exception {
        // the seven respondents worked out by hand in NkiArithmeticTests: NKI 75.2, interval 58.3–92.2
        int[][] nki = {{6, 6, 6}, {5, 5, 5}, {4, 4, 4}, {5, 4, 4}, {6, 5, 5}, {3, 3, 4}, {5, 5, 6}};
        for (int i = 0; i < nki.length; i++) {
            Document ratings = new Document("nki-helhet", nki[i][0])
                    .append("nki-forvantningar", nki[i][1])
                    .append("nki-ideal", nki[i][2])
                    .append("bemotande", 6);
            mongo.insert(
                    new Document("_id", "dash-" + i)
                            .append("kind", "yearly")
                            .append("aboutTitle", "Serviceenkäten 2031")
                            .append("aboutDate", Date.from(Instant.parse("2031-05-01T00:00:00Z")))
                            .append("recipientName", "Namn " + i)
                            .append("companyName", "Bolag " + i)
                            .append("closesAt", Date.from(Instant.parse("2031-06-01T00:00:00Z")))
                            .append(
                                    "answer",
                                    new Document("ratings", ratings)
                                            .append(
                                                    "change",
                                                    i == 0 ? "=HYPERLINK(\"x\")" : i == 1 ? "Snabbare bygglov" : null)
                                            .append("wantsContact", i == 1))
                            .append("submittedAt", Date.from(Instant.parse("2031-05-0" + (i + 2) + "T10:00:00Z"))),
                    "invitations");
        }
        mongo.insert(
                new Document("_id", "dash-unanswered")
                        .append("kind", "yearly")
                        .append("aboutTitle", "Serviceenkäten 2031")
                        .append("aboutDate", Date.from(Instant.parse("2031-05-01T00:00:00Z")))
                        .append("closesAt", Date.from(Instant.parse("2031-06-01T00:00:00Z"))),
                "invitations");

        mvc.perform(get("/personal/resultat").param("enkat", "yearly").param("ar", "2031"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/personal/resultat")
                        .param("enkat", "yearly")
                        .param("ar", "2031")
                        .with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong>75</strong> <span>Högt</span>")))
                .andExpect(content().string(containsString("95 % konfidensintervall 58–92, 7 svar.")))
                .andExpect(content().string(containsString("88 %"))) // 7 of 8 invited: 87.5 → 88
                .andExpect(content().string(containsString("Snabbare bygglov")))
                .andExpect(content().string(containsString("vill bli kontaktad: Namn 1, Bolag 1")))
                .andExpect(content().string(Matchers.not(containsString("Namn 2"))))
                .andExpect(content().string(containsString("Annan källa: Insikt (SKR), Nyköping")));
        // a search finds only what it names
        mvc.perform(get("/personal/resultat")
                        .param("enkat", "yearly")
                        .param("ar", "2031")
                        .param("sok", "bygglov")
                        .with(httpBasic("personal", "motesdagen")))
                .andExpect(content().string(containsString("Snabbare bygglov")))
                .andExpect(content().string(Matchers.not(containsString("HYPERLINK"))));
        // one year fewer answers than seven: suppressed, the number shown
        mongo.remove(Query.query(Criteria.where("_id").is("dash-6")), "invitations");
        mvc.perform(get("/personal/resultat")
                        .param("enkat", "yearly")
                        .param("ar", "2031")
                        .with(httpBasic("personal", "motesdagen")))
                .andExpect(content().string(containsString("6 svar: för få för att visa ett index (minst 7).")));

        String csv = mvc.perform(get("/personal/resultat/svar.csv")
                        .param("enkat", "yearly")
                        .param("ar", "2031")
                        .with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFenkät;gäller;datum;område;nki;");
        assertThat(csv.lines()).hasSize(1 + 6);
        assertThat(csv).contains("'=HYPERLINK").contains("Namn 1, Bolag 1").doesNotContain("Namn 2");

        byte[] xlsx = mvc.perform(get("/personal/resultat/svar.xlsx")
                        .param("enkat", "yearly")
                        .param("ar", "2031")
                        .with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            var index = workbook.getSheets()
                    .filter(s -> s.getName().equals("Index"))
                    .findFirst()
                    .orElseThrow()
                    .read();
            // six answers left: NKI suppressed, its count shown; bemötande has six answers too
            assertThat(index.get(1).getCellText(0)).isEqualTo("NKI");
            assertThat(index.get(1).getCellText(4)).isEqualTo("6");
            assertThat(index.get(1).getCellText(5)).isEqualTo("för få svar");
            var answers = workbook.getSheets()
                    .filter(s -> s.getName().equals("Svar"))
                    .findFirst()
                    .orElseThrow()
                    .read();
            assertThat(answers).hasSize(1 + 6);
        }
    }

    @Test
    void aCompanyThatCameIsAskedAboutTheDayAfterTheDelayOnceAndRemindedTwiceAtMostEachWithALinkThatWorks()
            throws Exception {
        String registrationId = UUID.randomUUID().toString();
        String attended = CloudEventProducer.example("se.motesdagen.registration.attendance-recorded.v1")
                .replace("0f8fad5b-d9cb-469f-a165-70867728950e", registrationId);
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    registrationId,
                    confirmed(registrationId));
            // two attendees checked in: the first check-in counts
            producer.send("registration.events", UUID.randomUUID().toString(), ATTENDED, registrationId, attended);
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    ATTENDED,
                    registrationId,
                    attended.replace("2027-08-26T06:52:00Z", "2027-08-26T09:30:00Z"));
            // same key, so handled after both check-ins
            String marker = UUID.randomUUID().toString();
            producer.send(
                    "registration.events", UUID.randomUUID().toString(), CONFIRMED, registrationId, confirmed(marker));
            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(byId(marker), "participants"));
        }
        assertThat(mongo.findById(registrationId, Document.class, "participants")
                        .getDate("attendedAt")
                        .toInstant())
                .isEqualTo(Instant.parse("2027-08-26T06:52:00Z"));

        String day = "day-" + registrationId;
        rounds.run(Instant.parse("2027-08-26T18:00:00Z"));
        assertThat(mongo.exists(byId(day), "invitations"))
                .as("not before the delay")
                .isFalse();
        rounds.run(Instant.parse("2027-08-27T07:00:00Z"));
        rounds.run(Instant.parse("2027-08-27T08:00:00Z"));
        TopicReader topic = new TopicReader(bootstrapServers);
        TopicReader.PublishedEvent invitation = await().atMost(Duration.ofSeconds(30))
                .until(() -> topic.read("feedback.events", day::equals), e -> !e.isEmpty())
                .getFirst();
        assertThat(ContractSchemas.violations(invitation.type(), invitation.body()))
                .isEmpty();
        assertThat(invitation.body())
                .contains("\"surveyKind\":\"day\"")
                .contains("\"title\":\"Stora Mötesdagen 2027\"")
                .contains("\"date\":\"2027-08-26\"")
                .contains("\"round\":0");

        Instant created = mongo.findById(day, Document.class, "invitations")
                .getDate("createdAt")
                .toInstant();
        rounds.run(created.plus(Duration.ofDays(6)));
        rounds.run(created.plus(Duration.ofDays(7)).plusSeconds(60));
        rounds.run(created.plus(Duration.ofDays(7)).plusSeconds(120));
        rounds.run(created.plus(Duration.ofDays(14)).plusSeconds(60));
        rounds.run(created.plus(Duration.ofDays(20)));
        List<TopicReader.PublishedEvent> asked = await().atMost(Duration.ofSeconds(30))
                .until(() -> topic.read("feedback.events", day::equals), e -> e.size() == 3);
        assertThat(asked)
                .extracting(e -> e.body().replaceAll("(?s).*\"round\":(\\d).*", "$1"))
                .containsExactly("0", "1", "2");
        asked = await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> topic.read("feedback.events", day::equals), e -> e.size() == 3);
        // every link opens the same survey
        for (TopicReader.PublishedEvent e : asked) {
            String token = e.body()
                    .transform(b -> OpenedLinks.in(b, "invitationId"))
                    .replaceAll("(?s).*enkat\\?token=([A-Za-z0-9_-]+).*", "$1");
            mvc.perform(get("/enkat").param("token", token))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Stora Mötesdagen 2027")));
        }
    }

    @Test
    void proposalsComeFromRegistrationsAndStaffOnceEachAndStaffWordMergeShortlistAndChooseThem() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            for (int copy = 0; copy < 2; copy++) {
                producer.send(
                        "registration.events",
                        "forslag-" + registrationId,
                        CONFIRMED,
                        registrationId,
                        confirmed(registrationId));
            }
            String marker = UUID.randomUUID().toString();
            producer.send(
                    "registration.events", UUID.randomUUID().toString(), CONFIRMED, registrationId, confirmed(marker));
            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(byId(marker), "participants"));
        }
        String fromRegistration = "anmalan-" + registrationId;
        assertThat(mongo.count(byId(fromRegistration), "proposals")).isEqualTo(1);
        assertThat(mongo.findById(fromRegistration, Document.class, "proposals").getString("text"))
                .isEqualTo("Samla alla tillstånd för en etablering hos en kontaktperson.");

        var staff = httpBasic("personal", "motesdagen");
        mvc.perform(post("/personal/forslag").param("text", "  ").with(csrf()).with(staff))
                .andExpect(flash().attribute("message", "proposals.textMissing"));
        mvc.perform(post("/personal/forslag")
                        .param("text", "En väg in för alla tillstånd")
                        .param("area", "etablering-och-lokaler")
                        .with(csrf())
                        .with(staff))
                .andExpect(flash().attribute("message", "proposals.added"));
        String fromStaff = mongo.findOne(
                        Query.query(Criteria.where("text").is("En väg in för alla tillstånd")),
                        Document.class,
                        "proposals")
                .getString("_id");

        // the same thing twice: folded into one, which then counts two
        mvc.perform(post("/personal/forslag/" + fromRegistration + "/sla-ihop")
                        .param("med", fromRegistration)
                        .with(csrf())
                        .with(staff))
                .andExpect(flash().attribute("message", "proposals.mergeRefused"));
        mvc.perform(post("/personal/forslag/" + fromRegistration + "/sla-ihop")
                        .param("med", fromStaff)
                        .with(csrf())
                        .with(staff))
                .andExpect(flash().attribute("message", "proposals.merged"));
        assertThat(mongo.findById(fromRegistration, Document.class, "proposals").getString("status"))
                .isEqualTo("MERGED");
        mvc.perform(post("/personal/forslag/" + fromStaff + "/sla-ihop")
                        .param("med", fromRegistration)
                        .with(csrf())
                        .with(staff))
                .andExpect(flash().attribute("message", "proposals.mergeRefused"));

        mvc.perform(post("/personal/forslag/" + fromStaff)
                        .param("text", "En kontaktperson för alla tillstånd vid etablering")
                        .param("area", "etablering-och-lokaler")
                        .with(csrf())
                        .with(staff))
                .andExpect(flash().attribute("message", "proposals.saved"));
        mvc.perform(post("/personal/forslag/" + fromStaff + "/status")
                        .param("status", "SHORTLISTED")
                        .with(csrf())
                        .with(staff))
                .andExpect(flash().attribute("message", "proposals.saved"));
        mvc.perform(get("/personal/forslag").with(staff))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("En kontaktperson för alla tillstånd vid etablering")))
                .andExpect(content().string(containsString("2 förslag säger detta")))
                .andExpect(content().string(containsString("På den korta listan")));

        mvc.perform(post("/personal/forslag/" + fromStaff + "/atgard")
                        .param("what", "Lotsfunktion för etableringar")
                        .param("due", "inte ett datum")
                        .param("state", "planerad")
                        .with(csrf())
                        .with(staff))
                .andExpect(flash().attribute("message", "proposals.actionMissing"));
        mvc.perform(post("/personal/forslag/" + fromStaff + "/atgard")
                        .param("what", "Lotsfunktion för etableringar")
                        .param("owner", "Näringslivsenheten")
                        .param("due", "2028-03-31")
                        .param("state", "pagar")
                        .with(csrf())
                        .with(staff))
                .andExpect(flash().attribute("message", "proposals.chosen"));
        Document chosen = mongo.findById(fromStaff, Document.class, "proposals");
        assertThat(chosen.getString("status")).isEqualTo("CHOSEN");
        assertThat(chosen.get("action", Document.class).getString("owner")).isEqualTo("Näringslivsenheten");

        // the loop closed: a report of what is done, mailed to every participant, readable by anyone
        mvc.perform(post("/personal/rapporter")
                        .param("title", "Det här gör vi")
                        .with(csrf())
                        .with(staff))
                .andExpect(flash().attribute("message", "report.missing"));
        String reportId = publishReport("Det här gör vi av era förslag", "Två förslag sa samma sak; kommunen gör det.");
        TopicReader topic = new TopicReader(bootstrapServers);
        TopicReader.PublishedEvent published = await().atMost(Duration.ofSeconds(30))
                .until(() -> topic.read("feedback.events", reportId::equals), e -> !e.isEmpty())
                .getFirst();
        assertThat(published.type()).isEqualTo("se.motesdagen.feedback.follow-up-published.v1");
        assertThat(ContractSchemas.violations(published.type(), published.body()))
                .isEmpty();
        assertThat(published.body())
                .contains("\"action\":\"Lotsfunktion för etableringar\"")
                .contains("\"status\":\"in-progress\"")
                .contains("\"participantId\":\"" + registrationId + "\"");
        mvc.perform(get("/uppfoljning/" + reportId))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lotsfunktion för etableringar")))
                .andExpect(content().string(Matchers.not(containsString("astrid"))));
        mvc.perform(get("/uppfoljning/nothing-here")).andExpect(status().isNotFound());
        mvc.perform(get("/personal/rapporter").with(staff))
                .andExpect(content().string(containsString("Det här gör vi av era förslag")));
    }

    @Test
    void participantsVoteOnTheShortlistOnceEachMayChangeTheirMindAndSeeTheResultOnceStaffPublishIt() throws Exception {
        String anna = UUID.randomUUID().toString();
        String bo = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            confirmParticipant(producer, anna);
            confirmParticipant(producer, bo);
        }
        var staff = httpBasic("personal", "motesdagen");
        List<String> shortlist = new ArrayList<>();
        for (String text : List.of("Snabbare bygglov", "En företagslots", "Lokala leverantörer i upphandlingar")) {
            mvc.perform(
                    post("/personal/forslag").param("text", text).with(csrf()).with(staff));
            String id = mongo.findOne(Query.query(Criteria.where("text").is(text)), Document.class, "proposals")
                    .getString("_id");
            mvc.perform(post("/personal/forslag/" + id + "/status")
                    .param("status", "SHORTLISTED")
                    .with(csrf())
                    .with(staff));
            shortlist.add(id);
        }
        String lastDay = LocalDate.now().plusDays(7).toString();

        // refused, each with its reason, and nothing opened
        openVote("Vad ska kommunen prioritera?", "tre", lastDay)
                .andExpect(flash().attribute("message", "vote.error.form"));
        openVote("Vad ska kommunen prioritera?", "2", "2020-01-01")
                .andExpect(flash().attribute("message", "vote.error.lastDay"));
        openVote("Vad ska kommunen prioritera?", "11", lastDay)
                .andExpect(flash().attribute("message", "vote.error.votesEach"));
        assertThat(mongo.count(new Query(), "votes")).isZero();

        openVote("Vad ska kommunen prioritera?", "2", lastDay).andExpect(flash().attribute("message", "vote.opened"));
        openVote("En till", "1", lastDay).andExpect(flash().attribute("message", "vote.error.alreadyOpen"));
        String voteId = "omrostning-1";
        assertThat(mongo.findById(voteId, Document.class, "votes").getList("items", Document.class))
                .extracting(item -> item.getString("proposalId"))
                .containsAll(shortlist);

        TopicReader topic = new TopicReader(bootstrapServers);
        TopicReader.PublishedEvent published = await().atMost(Duration.ofSeconds(30))
                .until(() -> topic.read("feedback.events", voteId::equals), e -> !e.isEmpty())
                .getFirst();
        assertThat(published.type()).isEqualTo("se.motesdagen.feedback.proposal-shortlist-published.v1");
        assertThat(ContractSchemas.violations(published.type(), published.body()))
                .isEmpty();
        String annasBallot = voteId + "." + anna;
        TopicReader.PublishedEvent opened = await().atMost(Duration.ofSeconds(30))
                .until(() -> topic.read("feedback.events", annasBallot::equals), e -> !e.isEmpty())
                .getFirst();
        assertThat(opened.type()).isEqualTo("se.motesdagen.feedback.vote-opened.v2");
        assertThat(ContractSchemas.violations(opened.type(), opened.body())).isEmpty();
        assertThat(opened.body()).contains("\"votesEach\":2").contains("Snabbare bygglov");
        String token = opened.body()
                .transform(b -> OpenedLinks.in(b, "ballotId"))
                .replaceAll("(?s).*rostning\\?token=([A-Za-z0-9_-]+).*", "$1");

        // a participant has one ballot, however often the ballots are sent
        rounds.run(Instant.now());
        votes.sendMissingBallots();
        assertThat(mongo.count(Query.query(Criteria.where("registrationId").is(anna)), "ballots"))
                .isEqualTo(1);
        // one confirmed while the vote is open gets a ballot too: once, even when two instances send at once
        String carl = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            confirmParticipant(producer, carl);
        }
        var together = new CyclicBarrier(2);
        var senders = Executors.newFixedThreadPool(2);
        List<Future<?>> sent = new ArrayList<>();
        for (int instance = 0; instance < 2; instance++) {
            sent.add(senders.submit(() -> {
                together.await();
                votes.sendMissingBallots();
                return null;
            }));
        }
        for (var one : sent) {
            one.get(30, TimeUnit.SECONDS);
        }
        senders.shutdown();
        String carlsBallot = voteId + "." + carl;
        assertThat(mongo.count(Query.query(Criteria.where("registrationId").is(carl)), "ballots"))
                .isEqualTo(1);
        assertThat(await().during(Duration.ofSeconds(1))
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> topic.read("feedback.events", carlsBallot::equals), e -> e.size() == 1))
                .singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo("se.motesdagen.feedback.vote-opened.v2"));

        mvc.perform(get("/rostning").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Du har 2 röster.")))
                .andExpect(content().string(containsString("En företagslots")));
        mvc.perform(get("/rostning").param("token", "forged-" + token)).andExpect(status().isNotFound());
        mvc.perform(get("/rostning")).andExpect(status().isNotFound());

        // the rules of the ballot, each refused with what to do, and nothing saved
        mvc.perform(post("/rostning")
                        .param("token", token)
                        .param("forslag", shortlist.toArray(String[]::new))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Du kan välja högst 2 förslag.")));
        mvc.perform(post("/rostning").param("token", token).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Välj minst ett förslag.")));
        mvc.perform(post("/rostning")
                        .param("token", token)
                        .param("forslag", "<script>alert(1)</script>")
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Välj bland förslagen på listan.")))
                .andExpect(content().string(Matchers.not(containsString("<script>alert"))));
        assertThat(mongo.findById(annasBallot, Document.class, "ballots").get("castAt"))
                .isNull();

        // cast, then changed: the last choice is the one that counts
        mvc.perform(post("/rostning")
                        .param("token", token)
                        .param("forslag", shortlist.get(0), shortlist.get(1))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Din röst är sparad: du valde 2 förslag.")));
        mvc.perform(post("/rostning")
                        .param("token", token)
                        .param("forslag", shortlist.get(2), shortlist.get(2))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Din röst är sparad: du valde ett förslag.")));
        assertThat(mongo.findById(annasBallot, Document.class, "ballots").getList("choices", String.class))
                .containsExactly(shortlist.get(2));

        // the result waits until the vote has closed; staff see the count so far
        mvc.perform(post("/personal/omrostning/" + voteId + "/publicera")
                        .with(csrf())
                        .with(staff))
                .andExpect(flash().attribute("message", "vote.error.stillOpen"));
        mvc.perform(get("/personal/omrostning").with(staff))
                .andExpect(content().string(containsString("Rösterna hittills")))
                .andExpect(content().string(containsString("1 av ")));
        mvc.perform(post("/personal/omrostning/" + voteId + "/stang")
                        .with(csrf())
                        .with(staff))
                .andExpect(flash().attribute("message", "vote.closedNow"));
        mvc.perform(post("/rostning")
                        .param("token", token)
                        .param("forslag", shortlist.get(0))
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Omröstningen är stängd.")));
        assertThat(mongo.findById(annasBallot, Document.class, "ballots").getList("choices", String.class))
                .containsExactly(shortlist.get(2));
        mvc.perform(get("/rostning").param("token", token))
                .andExpect(content().string(containsString("Resultatet visas här när kommunen har publicerat det.")));

        mvc.perform(post("/personal/omrostning/" + voteId + "/publicera")
                        .with(csrf())
                        .with(staff))
                .andExpect(flash().attribute("message", "vote.resultPublished"));
        mvc.perform(get("/rostning").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Du röstade på")))
                .andExpect(content().string(containsString("1 av ")))
                .andExpect(content().string(containsString("Lokala leverantörer i upphandlingar")));

        // the follow-up report says how many votes each chosen proposal got
        mvc.perform(post("/personal/forslag/" + shortlist.get(2) + "/atgard")
                        .param("what", "Dialogmöten före större upphandlingar")
                        .param("owner", "Upphandlingsenheten")
                        .param("due", "2028-03-31")
                        .param("state", "planerad")
                        .with(csrf())
                        .with(staff))
                .andExpect(flash().attribute("message", "proposals.chosen"));
        String reportId = publishReport("Så blev omröstningen", "Ni röstade; det här gör vi.");
        TopicReader.PublishedEvent report = await().atMost(Duration.ofSeconds(30))
                .until(() -> topic.read("feedback.events", reportId::equals), e -> !e.isEmpty())
                .getFirst();
        assertThat(ContractSchemas.violations(report.type(), report.body())).isEmpty();
        assertThat(report.body())
                .contains("\"proposal\":\"Lokala leverantörer i upphandlingar\"")
                .contains("\"votes\":1");
        mvc.perform(get("/uppfoljning/" + reportId))
                .andExpect(content().string(containsString("Röster i omröstningen")));

        // the dashboard's proposals board: the votes beside each proposal, in the export too
        mvc.perform(get("/personal/resultat").with(staff))
                .andExpect(content().string(containsString("Förslagen: röster och åtgärder")))
                .andExpect(content().string(containsString("Lokala leverantörer i upphandlingar")));
        assertThat(mvc.perform(get("/personal/resultat/forslag.csv").with(staff))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("förslag;område;röster;läge;åtgärd;ansvarig;klart senast")
                .contains(
                        "Lokala leverantörer i upphandlingar;;1;planerad;Dialogmöten före större upphandlingar;Upphandlingsenheten;2028-03-31")
                .contains("Snabbare bygglov;;0;korta listan;;;");

        // erasure: the ballot no longer names anyone, and its vote still counts
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.sendExample(
                    "registration.events",
                    "se.motesdagen.registration.erased.v1",
                    anna,
                    "0f8fad5b-d9cb-469f-a165-70867728950e",
                    anna);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        mongo.findById(annasBallot, Document.class, "ballots").get("recipientEmail") == null);
        Document erased = mongo.findById(annasBallot, Document.class, "ballots");
        assertThat(erased.get("registrationId")).isNull();
        assertThat(erased.get("tokenHash")).isNull();
        assertThat(erased.getList("choices", String.class)).containsExactly(shortlist.get(2));
        mvc.perform(get("/rostning").param("token", token)).andExpect(status().isNotFound());
    }

    @Test
    void theLocalStacksInventedAnswersFillTheDashboardOnceWithNoNameAndNoMail(@Autowired ApplicationContext context)
            throws Exception {
        var seeder = context.getAutowireCapableBeanFactory().createBean(DemoAnswers.class);
        seeder.run(null);
        seeder.run(null); // a second start adds nothing

        Query demo = Query.query(Criteria.where("_id").regex("^demo-"));
        assertThat(mongo.count(demo, "invitations")).isEqualTo(34 + 6 + 38 + 10);
        assertThat(mongo.count(
                        Query.query(Criteria.where("_id")
                                .regex("^demo-")
                                .and("submittedAt")
                                .ne(null)),
                        "invitations"))
                .isEqualTo(22 + 4 + 26 + 8);
        assertThat(mongo.find(demo, Document.class, "invitations")).allSatisfy(invitation -> {
            assertThat(invitation.get("recipientEmail")).isNull();
            assertThat(invitation.get("recipientName")).isNull();
            assertThat(invitation.getList("outbox", Document.class)).isEmpty();
        });
        var staff = httpBasic("personal", "motesdagen");
        mvc.perform(get("/personal/resultat")
                        .param("enkat", "day")
                        .param("ar", "2026")
                        .with(staff))
                .andExpect(content().string(containsString("95 % konfidensintervall")))
                .andExpect(content().string(containsString("26 svar.")))
                .andExpect(content().string(containsString("NKI per mötesdag")))
                .andExpect(content().string(containsString("<th scope=\"row\">Stora Mötesdagen 2026</th>")));
        // every day's NKI beside the others, the newest first
        String allDays = mvc.perform(
                        get("/personal/resultat").param("enkat", "day").with(staff))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(allDays.indexOf("<th scope=\"row\">Stora Mötesdagen 2026</th>"))
                .isPositive()
                .isLessThan(allDays.indexOf("<th scope=\"row\">Stora Mötesdagen 2025</th>"));
        mvc.perform(get("/personal/resultat")
                        .param("enkat", "visit")
                        .param("ar", "2025")
                        .with(staff))
                .andExpect(content().string(containsString("4 svar: för få för att visa ett index (minst 7).")));
    }

    @Test
    void staffChooseWhatAVisitSurveyAsksAndTheAreaItNamesGivesNkiPerArea() throws Exception {
        var staff = httpBasic("personal", "motesdagen");
        mvc.perform(post("/personal/enkater/no-such-kind")
                        .param("factor", "bemotande")
                        .with(csrf())
                        .with(staff))
                .andExpect(flash().attribute("message", "designs.unknown"));
        mvc.perform(post("/personal/enkater/visit")
                        .param("factor", "bemotande", "kompetens", "not-a-factor")
                        .param("askArea", "true")
                        .with(csrf())
                        .with(staff))
                .andExpect(flash().attribute("message", "designs.saved"));
        try {
            String registrationId = UUID.randomUUID().toString();
            String visitId = UUID.randomUUID().toString();
            try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
                confirmParticipant(producer, registrationId);
                producer.send(
                        "visit.events",
                        UUID.randomUUID().toString(),
                        COMPLETED,
                        visitId,
                        completed(visitId, registrationId).replace("2027-08-26", "2032-08-26"));
            }
            TopicReader topic = new TopicReader(bootstrapServers);
            String token = await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.read("feedback.events", ("visit-" + visitId)::equals), e -> !e.isEmpty())
                    .getFirst()
                    .body()
                    .transform(b -> OpenedLinks.in(b, "invitationId"))
                    .replaceAll("(?s).*enkat\\?token=([A-Za-z0-9_-]+).*", "$1");

            // the two factors chosen and the area; not the factors left out
            mvc.perform(get("/enkat").param("token", token))
                    .andExpect(content().string(containsString("id=\"bemotande\"")))
                    .andExpect(content().string(containsString("id=\"kompetens\"")))
                    .andExpect(content().string(Matchers.not(containsString("id=\"rattssakerhet\""))))
                    .andExpect(content().string(containsString("Vilket område gällde ert ärende")));
            mvc.perform(post("/enkat")
                            .param("token", token)
                            .param("area", "<b>inte ett område</b>")
                            .param("action", "skicka")
                            .with(csrf()))
                    .andExpect(status().isBadRequest());
            assertThat(mongo.findById("visit-" + visitId, Document.class, "invitations")
                            .get("submittedAt"))
                    .isNull();
            mvc.perform(post("/enkat")
                            .param("token", token)
                            .param("area", "bygglov")
                            .param("bemotande", "5")
                            .param("rattssakerhet", "2") // not asked: not kept
                            .param("nki-helhet", "5")
                            .param("nki-forvantningar", "4")
                            .param("nki-ideal", "4")
                            .param("action", "skicka")
                            .with(csrf()))
                    .andExpect(status().isOk());
            Document answer = mongo.findById("visit-" + visitId, Document.class, "invitations")
                    .get("answer", Document.class);
            assertThat(answer.getString("area")).isEqualTo("bygglov");
            assertThat(answer.get("ratings", Document.class))
                    .containsKey("bemotande")
                    .doesNotContainKey("rattssakerhet");
            TopicReader.PublishedEvent submitted = await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.read("feedback.events", ("visit-" + visitId)::equals), e -> e.size() == 2)
                    .get(1);
            assertThat(ContractSchemas.violations(submitted.type(), submitted.body()))
                    .isEmpty();
            assertThat(submitted.body()).contains("\"area\":\"bygglov\"");

            // the yearly survey: every company's contact, once a year however often it is sent
            mvc.perform(post("/personal/enkater/arlig").with(csrf()).with(staff))
                    .andExpect(flash().attribute("message", "designs.yearlySent"));
            mvc.perform(post("/personal/enkater/arlig").with(csrf()).with(staff))
                    .andExpect(flash().attribute("sent", 0L));
            String yearly = "yearly-" + Year.now(ZoneId.of("Europe/Stockholm")) + "-" + registrationId;
            TopicReader.PublishedEvent yearlyAsked = await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.read("feedback.events", yearly::equals), e -> !e.isEmpty())
                    .getFirst();
            assertThat(ContractSchemas.violations(yearlyAsked.type(), yearlyAsked.body()))
                    .isEmpty();
            assertThat(yearlyAsked.body()).contains("\"surveyKind\":\"yearly\"").contains("kommunens service ");

            mvc.perform(get("/personal/resultat")
                            .param("enkat", "visit")
                            .param("ar", "2032")
                            .with(staff))
                    .andExpect(content().string(containsString("NKI per myndighetsområde")))
                    .andExpect(content().string(containsString("<th scope=\"row\">Bygglov</th>")))
                    .andExpect(content().string(containsString("för få svar")));
        } finally {
            mvc.perform(post("/personal/enkater/visit")
                    .param("factor", Questionnaire.FACTORS.toArray(String[]::new))
                    .param("askArea", "true")
                    .with(csrf())
                    .with(staff));
        }
    }

    /** Staff publish a follow-up report; its id. */
    private String publishReport(String title, String summary) throws Exception {
        mvc.perform(post("/personal/rapporter")
                        .param("title", title)
                        .param("summary", summary)
                        .with(csrf())
                        .with(httpBasic("personal", "motesdagen")))
                .andExpect(flash().attribute("message", "report.published"));
        return mongo.findOne(Query.query(Criteria.where("title").is(title)), Document.class, "reports")
                .getString("_id");
    }

    /** Staff open a vote on the shortlist as the form sends it. */
    private ResultActions openVote(String title, String votesEach, String lastDay) throws Exception {
        return mvc.perform(post("/personal/omrostning")
                .param("title", title)
                .param("votesEach", votesEach)
                .param("lastDay", lastDay)
                .with(csrf())
                .with(httpBasic("personal", "motesdagen")));
    }

    /** A registration confirmed on Kafka, and its participant there before the test goes on. */
    private void confirmParticipant(CloudEventProducer producer, String registrationId) {
        producer.send(
                "registration.events",
                UUID.randomUUID().toString(),
                CONFIRMED,
                registrationId,
                confirmed(registrationId));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(byId(registrationId), "participants"));
    }

    private static String completed(String visitId, String registrationId) {
        return CloudEventProducer.example(COMPLETED)
                .replace("b7a4c2e0-5d1f-4c8e-9a63-2f0e8d1c4b57", visitId)
                .replace("0f8fad5b-d9cb-469f-a165-70867728950e", registrationId);
    }

    private static String confirmed(String registrationId) {
        return CloudEventProducer.example(CONFIRMED).replace("0f8fad5b-d9cb-469f-a165-70867728950e", registrationId);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
