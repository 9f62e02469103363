package se.motesdagen.visit.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.motesdagen.platform.messaging.AddressKey;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.ContractSchemas;
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.platform.test.TopicReader;
import se.motesdagen.visit.VisitTestBase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A host erased on request: off the roster, nameless on the visits they were on, and the mail service told. */
class HostErasureIntegrationTests extends VisitTestBase {

    private static final String HOST_ERASED = "se.motesdagen.visit.host-erased.v1";

    @Test
    void anErasedHostLeavesTheRosterAndTheirVisitsWithoutThemAndTheMailServiceConfirms() throws Exception {
        String email = "radera-" + UUID.randomUUID().toString().substring(0, 8) + "@nykoping.example";
        importHosts("namn;e-post;telefon;roll;parti eller förvaltning;kunskap;tillgänglig\n"
                        + "Rut Raderasdotter;" + email
                        + ";0155-11 22 33;politiker;Kommunalråd;;2027-09-10 09:00-17:00\n"
                        + "Kvar Tjänstesson;" + UUID.randomUUID()
                        + "@nykoping.example;;tjänsteperson;Näringslivsenheten;;2027-09-10 09:00-17:00\n")
                .andExpect(content().string(containsString("2 värdar lades till")));
        String hostId = mongo.findOne(Query.query(Criteria.where("email").is(email)), Document.class, "hosts")
                .getString("_id");
        String registrationId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    registrationId,
                    confirmedOn(registrationId, "2027-09-10"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(byId(registrationId), "visitRequests"));
        solve("2027-09-10");
        publish("2027-09-10").andExpect(status().is3xxRedirection());
        String visitId = "besok-" + registrationId;
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(visitId, Document.class, "visits") != null
                        && mongo.findById(visitId, Document.class, "visits")
                                .toJson()
                                .contains(email));

        // a planner may take a host off the roster, but only an administrator may erase one; without the tick nothing
        // happens
        mvc.perform(post("/personal/vardar/" + hostId + "/radera")
                        .param("sure", "true")
                        .with(csrf())
                        .with(StaffTokens.as(StaffRole.PLANNER)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/personal/vardar/" + hostId + "/radera").with(csrf()).with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().is3xxRedirection());
        assertThat(mongo.exists(byId(hostId), "hosts")).isTrue();

        mvc.perform(post("/personal/vardar/" + hostId + "/radera")
                        .param("sure", "true")
                        .with(csrf())
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().is3xxRedirection());

        assertThat(mongo.exists(byId(hostId), "hosts")).isFalse();
        Document visit = mongo.findById(visitId, Document.class, "visits");
        assertThat(visit.toJson()).doesNotContain(email).doesNotContain("Rut").doesNotContain("0155-11 22 33");
        assertThat(visit.getList("hosts", Document.class))
                .anySatisfy(h -> assertThat(h.getString("hostId")).isEqualTo(hostId));
        assertThat(visit.getString("status")).isEqualTo("SCHEDULED");

        TopicReader.PublishedEvent erased =
                new TopicReader(bootstrapServers).awaitOnlyOne("visit.events", hostId, HOST_ERASED);
        assertThat(ContractSchemas.violations(HOST_ERASED, erased.body())).isEmpty();
        assertThat(erased.body()).doesNotContain(email).doesNotContain("Rut");
        JsonNode body = JsonMapper.builder().build().readTree(erased.body());
        assertThat(body.get("addressKey").asString()).isEqualTo(AddressKey.of(email));
        String erasureId = body.get("erasureId").asString();

        String roster = "/personal/vardar";
        mvc.perform(get(roster).with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(content().string(containsString("Väntar på att utskicken bekräftar")));
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.sendExample(
                    "notification.events",
                    "se.motesdagen.notification.host-erased.v1",
                    hostId,
                    "d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70",
                    erasureId,
                    "5b1e2f3a-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
                    hostId);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(erasureId, Document.class, "hostErasures")
                                .get("confirmations", Document.class)
                        != null);
        mvc.perform(get(roster).with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(content().string(containsString("E-posten till värden är också raderad.")))
                .andExpect(content().string(not(containsString(email))));
    }
}
