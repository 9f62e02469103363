package se.motesdagen.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import se.motesdagen.platform.audit.AuditLog;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.registration.support.Companies;

/**
 * Who saw, exported or erased whose registration is in the audit log, with nothing of the registration
 * but its id; what was refused or not done is not; ADMIN reads and filters it; old lines go.
 */
class AuditIntegrationTests extends RegistrationTestBase {

    @Autowired
    AuditLog audit;

    @Test
    void viewingExportingAndErasingAreLoggedWithWhoWhatWhichAndFromWhereAndNothingPersonal() throws Exception {
        String dayId = "granskning-" + UUID.randomUUID();
        saveDay(dayId, null, null, 5);
        String id = submitTo(dayId, Companies.newOrganisationNumber());
        var planner = StaffTokens.bearer(
                StaffTokens.token("p-123", "Petra Planerare", "petra@nykoping.example", List.of("PLANNER")));

        mvc.perform(get("/personal/anmalningar/" + id).with(planner).with(from("198.51.100.7")))
                .andExpect(status().isOk());
        mvc.perform(get("/personal/anmalningar.csv").param("event", dayId).with(planner))
                .andExpect(status().isOk());
        // refused, or sent back for the missing tick: nothing happened, nothing is logged
        mvc.perform(post("/personal/anmalningar/" + id + "/radera").with(csrf()).with(planner))
                .andExpect(status().isForbidden());
        mvc.perform(post("/personal/anmalningar/" + id + "/radera").with(csrf()).with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/personal/anmalningar/" + id + "/radera")
                        .with(csrf())
                        .with(StaffTokens.as(StaffRole.ADMIN))
                        .param("sure", "true"))
                .andExpect(status().is3xxRedirection());

        List<Document> lines = mongo.find(
                Query.query(Criteria.where("record").in(id, dayId)).with(Sort.by("at")), Document.class, "audit");
        assertThat(lines)
                .extracting(line -> line.getString("action"), line -> line.getString("subject"))
                .containsExactly(
                        tuple("registration.viewed", "p-123"),
                        tuple("registrations.exported", "p-123"),
                        tuple("registration.erased", "admin"));
        Document viewed = lines.getFirst();
        assertThat(viewed.keySet())
                .containsExactlyInAnyOrder("_id", "at", "subject", "roles", "action", "record", "client");
        assertThat(viewed.getList("roles", String.class)).containsExactly("PLANNER");
        assertThat(viewed.getString("client")).isEqualTo("198.51.100.7");
        assertThat(lines)
                .allSatisfy(line -> assertThat(line.toJson())
                        .doesNotContain("Petra")
                        .doesNotContain("nykoping.example")
                        .doesNotContain("Testbageri"));

        String page = mvc.perform(get("/personal/logg").param("post", id).with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("<td>Anmälan visad</td>")
                .contains("<td>Anmälan raderad</td>")
                .contains("p-123")
                .contains(id);
        assertThat(page).doesNotContain("<td>Anmälningar exporterade</td>"); // the filter: only this record
        mvc.perform(get("/personal/logg").param("fran", "igår").with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isOk());
    }

    @Test
    void linesPastTheirRetentionGoAndNoOthers() {
        mongo.insert(
                new Document("at", Date.from(Instant.now().minus(800, ChronoUnit.DAYS)))
                        .append("subject", "gammal")
                        .append("roles", List.of("ADMIN"))
                        .append("action", "registration.viewed")
                        .append("record", "gammal-post")
                        .append("client", "127.0.0.1"),
                "audit");
        long before = mongo.count(new Query(), "audit");

        long removed = audit.expire(Instant.now().minus(730, ChronoUnit.DAYS));

        assertThat(removed).isEqualTo(1);
        assertThat(mongo.count(new Query(), "audit")).isEqualTo(before - 1);
        assertThat(mongo.exists(Query.query(Criteria.where("record").is("gammal-post")), "audit"))
                .isFalse();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
