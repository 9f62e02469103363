package se.motesdagen.feedback.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

/** The vote on the shortlist: one ballot each, changed until it closes, the result after it. */
class VoteIntegrationTests extends FeedbackTestBase {

    @Test
    void participantsVoteOnTheShortlistOnceEachMayChangeTheirMindAndSeeTheResultOnceStaffPublishIt() throws Exception {
        String anna = UUID.randomUUID().toString();
        String bo = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            confirmParticipant(producer, anna);
            confirmParticipant(producer, bo);
        }
        var staff = StaffTokens.as(StaffRole.ADMIN);
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

        // now that it has closed, that Anna voted goes to her registration's timeline, once, and never how;
        // Carl, who did not vote, is not named
        votes.reportCast(Instant.now());
        votes.reportCast(Instant.now());
        TopicReader.PublishedEvent voted =
                topic.awaitOnlyOne("feedback.events", anna, "se.motesdagen.feedback.took-part.v1");
        assertThat(ContractSchemas.violations(voted.type(), voted.body())).isEmpty();
        assertThat(voted.body()).contains("\"what\":\"vote\"").doesNotContain(shortlist.get(2));
        assertThat(topic.read("feedback.events", carl)).noneMatch(e -> e.type().endsWith("took-part.v1"));

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
        Object castAt = mongo.findById(annasBallot, Document.class, "ballots").get("castAt");
        new TopicReader(bootstrapServers)
                .awaitOnlyOne("feedback.events", anna, "se.motesdagen.feedback.registration-erased.v1");
        // moved to an id that no longer leads to the registration (its old one was made from it)
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(annasBallot)), "ballots"))
                .isFalse();
        Document erased = mongo.findOne(Query.query(Criteria.where("castAt").is(castAt)), Document.class, "ballots");
        assertThat(erased.getString("_id")).startsWith("raderad-");
        assertThat(erased.get("registrationId")).isNull();
        assertThat(erased.get("recipientEmail")).isNull();
        assertThat(erased.get("tokenHash")).isNull();
        assertThat(erased.getList("choices", String.class)).containsExactly(shortlist.get(2));
        mvc.perform(get("/rostning").param("token", token)).andExpect(status().isNotFound());
    }
}
