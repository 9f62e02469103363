package se.motesdagen.visit.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalTime;
import java.util.UUID;
import org.bson.Document;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.ContractSchemas;
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.platform.test.TopicReader;
import se.motesdagen.visit.VisitTestBase;

/** The visit requests staff see, and a visit outside the day added by hand. */
class VisitRequestIntegrationTests extends VisitTestBase {

    @Test
    void theStaffListShowsTheRequestsBehindTheLogin() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    registrationId,
                    confirmed(registrationId).replace("Bagargatan 3", "Listgatan 7"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(byId(registrationId), "visitRequests"));

        mvc.perform(get("/personal/besoksforfragningar")).andExpect(status().isUnauthorized());
        mvc.perform(get("/personal/besoksforfragningar").with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Listgatan 7, Nyköping")));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    @Test
    void aVisitOutsideTheDayAddedByHandIsPlannedForItsDayAndPublishedWithoutARegistration() throws Exception {
        mvc.perform(post("/personal/besoksforfragningar/ny")
                        .param("company", "")
                        .param("contactEmail", "inte-en-adress")
                        .param("address", "Verkstadsgatan 5, Nyköping")
                        .param("windows", "5 oktober förmiddag")
                        .with(csrf())
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Företagets namn saknas.")))
                .andExpect(content().string(containsString("”inte-en-adress” ser inte riktig ut")))
                .andExpect(content().string(containsString("”5 oktober förmiddag” går inte att läsa som tid")));
        assertThat(mongo.count(
                        Query.query(Criteria.where("address").is("Verkstadsgatan 5, Nyköping")), "visitRequests"))
                .isZero();

        String header = "namn;e-post;telefon;roll;parti eller förvaltning;kunskap;tillgänglig\n";
        importHosts(header
                        + "Höst Politiker;hp@autumn.example;;politiker;;;2027-10-05 09:00-17:00\n"
                        + "Höst Tjänsteperson;ht@autumn.example;;tjänsteperson;;;2027-10-05 09:00-17:00\n")
                .andExpect(content().string(containsString("2 värdar lades till")));
        mvc.perform(post("/personal/besoksforfragningar/ny")
                        .param("company", "Höstverkstaden Exempel AB")
                        .param("contactName", "Greta Påhittad")
                        .param("contactEmail", "greta@hostverkstaden.example")
                        .param("address", "Verkstadsgatan 5, Nyköping")
                        .param("topics", "Mark för utbyggnad")
                        .param("language", "en")
                        .param("windows", "2027-10-05 13:00-16:00")
                        .with(csrf())
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("added", "Höstverkstaden Exempel AB"));
        String requestId = mongo.findOne(
                        Query.query(Criteria.where("companyName").is("Höstverkstaden Exempel AB")),
                        Document.class,
                        "visitRequests")
                .getString("_id");

        solve("2027-10-05");
        var planned = board.snapshot().plan().getVisits().stream()
                .filter(v -> v.getId().equals(requestId))
                .findFirst()
                .orElseThrow();
        assertThat(planned.getStart().toLocalTime()).isBetween(LocalTime.of(13, 0), LocalTime.of(15, 0));
        publish("2027-10-05").andExpect(status().is3xxRedirection());

        TopicReader topic = new TopicReader(bootstrapServers);
        TopicReader.PublishedEvent scheduled = await().atMost(Duration.ofSeconds(30))
                .until(() -> topic.read("visit.events", ("besok-" + requestId)::equals), e -> !e.isEmpty())
                .getFirst();
        assertThat(scheduled.type()).isEqualTo("se.motesdagen.visit.scheduled.v2");
        assertThat(ContractSchemas.violations(scheduled.type(), scheduled.body()))
                .isEmpty();
        assertThat(scheduled.body())
                .contains("\"registrationId\":null")
                .contains("\"eventName\":\"Company visit\"")
                .contains("\"language\":\"en\"");
    }
}
