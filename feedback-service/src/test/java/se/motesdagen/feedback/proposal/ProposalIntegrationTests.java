package se.motesdagen.feedback.proposal;

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
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.platform.test.TopicReader;

/** Proposals from registrations and staff, worded, merged, shortlisted and chosen. */
class ProposalIntegrationTests extends FeedbackTestBase {

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

        var staff = StaffTokens.as(StaffRole.ADMIN);
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
}
