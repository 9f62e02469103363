package se.motesdagen.visit.board;

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
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.visit.VisitTestBase;

/** The planning board: requests and hosts become a plan that keeps every rule. */
class BoardIntegrationTests extends VisitTestBase {

    @Test
    void threeRequestsAndSixHostsBecomeAPlanOnTheBoardThatKeepsEveryRule() throws Exception {
        String header = "namn;e-post;telefon;roll;parti eller förvaltning;kunskap;tillgänglig\n";
        StringBuilder list = new StringBuilder(header);
        for (int i = 1; i <= 3; i++) {
            list.append("Politiker ")
                    .append(i)
                    .append(";pol")
                    .append(i)
                    .append("@board.example;;politiker;;;")
                    .append("2027-09-02 09:00-17:00\n");
            list.append("Tjänsteperson ")
                    .append(i)
                    .append(";tj")
                    .append(i)
                    .append("@board.example;;tjänsteperson;;")
                    .append(i == 2 ? "livsmedelskontroll" : "bygglov")
                    .append(";2027-09-02 09:00-16:00\n");
        }
        importHosts(list.toString()).andExpect(content().string(containsString("6 värdar lades till")));
        List<String> companies = List.of("Brädgårdens Exempel AB", "Stigtomta Provsmedja HB", "Vrena Testgård AB");
        List<String> addresses =
                List.of("Gästabudsvägen 1, Nyköping", "Smedjevägen 2, Stigtomta", "Gårdsvägen 3, Vrena");
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            for (int i = 0; i < 3; i++) {
                String id = UUID.randomUUID().toString();
                producer.send(
                        "registration.events",
                        UUID.randomUUID().toString(),
                        CONFIRMED,
                        id,
                        confirmedOn(id, "2027-09-02")
                                .replace("Nyköpings Testbageri AB", companies.get(i))
                                .replace("Bagargatan 3, Nyköping", addresses.get(i)));
            }
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        mongo.count(Query.query(Criteria.where("companyName").in(companies)), "visitRequests") == 3);

        mvc.perform(get("/personal/planering").param("dag", "2027-09-02").with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("6 värdar är lediga den dagen")));
        solve("2027-09-02");

        String page = mvc.perform(
                        get("/personal/planering").param("dag", "2027-09-02").with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Refresh"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Alla regler hålls.")
                .contains("Lag 1 · Politiker 1 · Tjänsteperson 1")
                .contains("Lag 3")
                .contains("Smedjevägen 2, Stigtomta")
                .containsPattern("\\d+ minuter att köra från Stadshuset, Nyköping\\.")
                .contains("<svg")
                .containsPattern("<title id=\"karta-0\">Karta: Lag 1 kör från stadshuset till 1\\. ");
        assertThat(board.snapshot().plan().getVisits())
                .filteredOn(v -> companies.contains(v.getCompany()))
                .allSatisfy(v -> assertThat(v.getTeam())
                        .as(v.getCompany() + " has a team")
                        .isNotNull());
        mvc.perform(post("/personal/planering/los").param("dag", "2027-09-02").with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isForbidden());

        // by hand: lock the first team, take a visit of another team out of the plan, propose again
        var teams = board.snapshot().plan().getTeams();
        List<String> lockedDay =
                teams.getFirst().getVisits().stream().map(v -> v.getId()).toList();
        String taken = teams.stream()
                .skip(1)
                .flatMap(t -> t.getVisits().stream())
                .findFirst()
                .orElseGet(() -> teams.getFirst().getVisits().getFirst())
                .getId();
        mvc.perform(post("/personal/planering/las")
                        .param("lag", teams.getFirst().getId())
                        .with(csrf())
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/personal/planering/flytta")
                        .param("besok", taken)
                        .param("till", "")
                        .with(csrf())
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute(
                                "message",
                                lockedDay.contains(taken) ? "staff.planning.moveLocked" : "staff.planning.moved"));
        assertThat(mvc.perform(get("/personal/planering")
                                .param("dag", "2027-09-02")
                                .with(StaffTokens.as(StaffRole.ADMIN)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("(låst)");
        solve("2027-09-02");
        assertThat(board.snapshot().plan().getTeams().getFirst().getVisits())
                .extracting(v -> v.getId())
                .as("the locked team's day stays as it was")
                .containsExactlyElementsOf(lockedDay);

        // the board is kept, so a restart or a second instance shows the same plan ...
        Document kept = mongo.findById("2027-09-02", Document.class, "draftPlans");
        Document firstTeam = kept.getList("teams", Document.class).getFirst();
        assertThat(firstTeam.getBoolean("locked")).isTrue();
        assertThat(firstTeam.getList("visitIds", String.class)).containsExactlyElementsOf(lockedDay);
        // ... and a change another instance kept later is what this one shows and publishes
        List<Document> keptTeams = kept.getList("teams", Document.class);
        Document other = keptTeams.stream()
                .skip(1)
                .filter(t -> !t.getList("visitIds", String.class).isEmpty())
                .findFirst()
                .orElseThrow();
        String takenElsewhere = other.getList("visitIds", String.class).getFirst();
        other.put(
                "visitIds",
                other.getList("visitIds", String.class).stream()
                        .filter(id -> !id.equals(takenElsewhere))
                        .toList());
        kept.put("savedAt", Date.from(Instant.now().plusSeconds(60)));
        mongo.save(kept, "draftPlans");
        mvc.perform(get("/personal/planering").param("dag", "2027-09-02").with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isOk());
        assertThat(board.snapshot().plan().getVisits())
                .filteredOn(v -> v.getId().equals(takenElsewhere))
                .singleElement()
                .satisfies(v -> assertThat(v.getTeam())
                        .as("taken out by the other instance")
                        .isNull());
        assertThat(board.snapshot().plan().getTeams().getFirst().isPinned()).isTrue();
    }
}
