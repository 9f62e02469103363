package se.motesdagen.feedback.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.motesdagen.feedback.FeedbackTestBase;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.ContractSchemas;
import se.motesdagen.platform.test.OpenedLinks;
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.platform.test.TopicReader;

/** Surveys: after a visit and after the day, answered once, anonymous, and what staff choose they ask. */
class SurveyIntegrationTests extends FeedbackTestBase {

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
        Object submittedAt = mongo.findById("visit-" + visitId, Document.class, "invitations")
                .get("submittedAt");
        // moved to an id that leads nowhere (RegistrationErasureIntegrationTests has the rest)
        topic.awaitOnlyOne("feedback.events", registrationId, "se.motesdagen.feedback.registration-erased.v1");
        assertThat(mongo.exists(byId("visit-" + visitId), "invitations")).isFalse();
        Document kept = mongo.findOne(
                Query.query(Criteria.where("submittedAt").is(submittedAt)), Document.class, "invitations");
        assertThat(kept.toJson())
                .doesNotContain("astrid")
                .doesNotContain("Astrid")
                .doesNotContain(registrationId);
        assertThat(kept.get("answer", Document.class)
                        .get("ratings", Document.class)
                        .getInteger("nki-helhet"))
                .isEqualTo(6);
        mvc.perform(get("/enkat").param("token", token)).andExpect(status().isNotFound());
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
    void staffChooseWhatAVisitSurveyAsksAndTheAreaItNamesGivesNkiPerArea() throws Exception {
        var staff = StaffTokens.as(StaffRole.ADMIN);
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
}
