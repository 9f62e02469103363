package se.motesdagen.registration.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.motesdagen.platform.test.ContractSchemas;
import se.motesdagen.platform.test.TopicReader;
import se.motesdagen.platform.test.TopicReader.PublishedEvent;
import se.motesdagen.registration.RegistrationTestBase;
import se.motesdagen.registration.support.Companies;

/** The manage link: cancelling frees the seats, an interrupted cancellation is finished, changes move the seats. */
class ManageIntegrationTests extends RegistrationTestBase {

    @Test
    void aCompanyThatCancelsByItsManageLinkGivesItsSeatToTheFirstInLineAndMayRegisterAgain() throws Exception {
        String dayId = "avbokning-" + UUID.randomUUID();
        saveDay(dayId, null, null, 1);
        String leavingOrgNr = Companies.newOrganisationNumber();
        String leaving = submitTo(dayId, leavingOrgNr);
        String waiting = submitTo(dayId, Companies.newOrganisationNumber());
        mvc.perform(pressConfirm(confirmPathOf(leaving)))
                .andExpect(content().string(Matchers.containsString("Har plats")));
        mvc.perform(pressConfirm(confirmPathOf(waiting)))
                .andExpect(content().string(Matchers.containsString("Väntelista, plats 1 i kön")));
        PublishedEvent confirmed = awaitEvent(leaving, CONFIRMED);
        assertThat(ContractSchemas.violations(CONFIRMED, confirmed.body())).isEmpty();
        String manageUrl = link(confirmed, "manageLink");
        assertThat(manageUrl).startsWith("http://motesdagen.test/anmalan/hantera?token=");
        String token = manageUrl.substring(manageUrl.indexOf("token=") + "token=".length());
        awaitOutboxEmpty(leaving);
        assertThat(mongo.findById(leaving, Document.class, "registrations").toJson())
                .doesNotContain(token);

        // opening the link changes nothing; the button without the box ticked changes nothing either
        mvc.perform(get("/anmalan/hantera").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Avboka anmälan")))
                .andExpect(content().string(Matchers.containsString("Har plats")));
        mvc.perform(post("/anmalan/hantera/avboka").with(csrf()).param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Kryssa i rutan om ni vill avboka")));
        mvc.perform(post("/anmalan/hantera/avboka").param("token", token).param("sure", "true"))
                .andExpect(status().isForbidden());
        assertThat(mongo.findById(leaving, Document.class, "registrations").getString("status"))
                .isEqualTo("CONFIRMED");

        mvc.perform(post("/anmalan/hantera/avboka")
                        .with(csrf())
                        .param("token", token)
                        .param("sure", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Anmälan är avbokad")));

        Document cancelled = mongo.findById(leaving, Document.class, "registrations");
        assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.getBoolean("seatsToRelease")).isFalse();
        assertThat(stateOf(dayId, leaving)).isNull();
        assertThat(stateOf(dayId, waiting)).isEqualTo("SEATED");
        PublishedEvent cancelledEvent = awaitEvent(leaving, CANCELLED);
        assertThat(ContractSchemas.violations(CANCELLED, cancelledEvent.body())).isEmpty();
        assertThat(ContractSchemas.violations(
                        PROMOTED, awaitEvent(waiting, PROMOTED).body()))
                .isEmpty();

        // the same button again, the old confirm link, a forged link: each says what is so, and changes nothing
        mvc.perform(post("/anmalan/hantera/avboka")
                        .with(csrf())
                        .param("token", token)
                        .param("sure", "true"))
                .andExpect(content().string(Matchers.containsString("redan avbokad")));
        mvc.perform(get(confirmPathOf(leaving))).andExpect(content().string(Matchers.containsString("har avbokats")));
        mvc.perform(get("/anmalan/hantera").param("token", "x".repeat(43)))
                .andExpect(content().string(Matchers.containsString("Länken fungerar inte")));
        mvc.perform(get("/anmalan/hantera").param("token", "<script>alert(1)</script>"))
                .andExpect(content().string(Matchers.containsString("Länken fungerar inte")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<script>alert"))));
        awaitOutboxEmpty(leaving);
        assertThat(new TopicReader(bootstrapServers).read("registration.events", leaving))
                .extracting(PublishedEvent::type)
                .containsExactly(SUBMITTED, CONFIRMED, CANCELLED);

        // the company's place is free again: it registers anew, confirms, and queues behind the seated one
        String again = submitTo(dayId, leavingOrgNr);
        mvc.perform(pressConfirm(confirmPathOf(again)))
                .andExpect(content().string(Matchers.containsString("Väntelista, plats 1 i kön")));
    }

    @Test
    void aCancellationInterruptedBeforeItsSeatsWereGivenUpIsFinishedByTheSweep(@Autowired CancelledSeats sweep)
            throws Exception {
        String dayId = "avbrutet-" + UUID.randomUUID();
        saveDay(dayId, null, null, 1);
        String leaving = submitTo(dayId, Companies.newOrganisationNumber());
        String waiting = submitTo(dayId, Companies.newOrganisationNumber());
        mvc.perform(pressConfirm(confirmPathOf(leaving)));
        mvc.perform(pressConfirm(confirmPathOf(waiting)));
        awaitOutboxEmpty(leaving);

        // what a process that died right after storing the cancellation leaves behind
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(leaving)),
                new Update()
                        .set("status", "CANCELLED")
                        .set("cancelledAt", Date.from(Instant.now().minusSeconds(120)))
                        .set("seatsToRelease", true)
                        .unset("companyPlace"),
                "registrations");
        assertThat(stateOf(dayId, leaving)).isEqualTo("SEATED");

        sweep.sweep();

        assertThat(stateOf(dayId, leaving)).isNull();
        assertThat(stateOf(dayId, waiting)).isEqualTo("SEATED");
        assertThat(mongo.findById(leaving, Document.class, "registrations").getBoolean("seatsToRelease"))
                .isFalse();
        assertThat(ContractSchemas.violations(
                        PROMOTED, awaitEvent(waiting, PROMOTED).body()))
                .isEmpty();
    }

    @Test
    void aCompanyChangesAttendeesSessionsAndItsVisitWishByTheManageLinkAndTheSeatsFollow() throws Exception {
        String dayId = "andring-" + UUID.randomUUID();
        saveDay(dayId, null, null, 1);
        String orgNr = Companies.newOrganisationNumber();
        MockHttpServletRequestBuilder form = validFormFor(
                dayId,
                orgNr,
                "attendees[0].sessionIds",
                "upphandling",
                "attendees[1].name",
                null,
                "attendees[1].sessionIds",
                null,
                "attendees[1].needs",
                null,
                "wantsVisit",
                "true",
                "visitAddress",
                "Bagargatan 3, Nyköping",
                "visitTopics",
                "Bygglov");
        mvc.perform(form).andExpect(status().is3xxRedirection());
        String id = registrationOf(orgNr).getString("_id");
        mvc.perform(pressConfirm(confirmPathOf(id)));
        String manageUrl = link(awaitEvent(id, CONFIRMED), "manageLink");
        String token = manageUrl.substring(manageUrl.indexOf("token=") + "token=".length());
        mvc.perform(get("/anmalan/hantera").param("token", token))
                .andExpect(content().string(Matchers.containsString("value=\"Astrid Exempelsson\"")));

        // a mistake changes nothing
        mvc.perform(post("/anmalan/hantera/andra")
                        .with(csrf())
                        .param("token", token)
                        .param("attendees[0].id", "1")
                        .param("attendees[0].name", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Deltagare 1: Fyll i deltagarens namn.")));
        assertThat(registrationOf(orgNr).getList("participants", Document.class))
                .hasSize(1);

        // a second attendee in the full session waits in line; the first keeps the seat
        mvc.perform(post("/anmalan/hantera/andra")
                        .with(csrf())
                        .param("token", token)
                        .param("attendees[0].id", "1")
                        .param("attendees[0].name", "Astrid Exempelsson")
                        .param("attendees[0].sessionIds", "upphandling")
                        .param("attendees[1].name", "Nils Ny")
                        .param("attendees[1].sessionIds", "upphandling")
                        .param("wantsVisit", "true")
                        .param("visitAddress", "Bagargatan 3, Nyköping")
                        .param("visitTopics", "Bygglov"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Ändringen är sparad")))
                .andExpect(content().string(Matchers.containsString("Väntelista, plats 1 i kön")));
        assertThat(stateOf(dayId, id)).isEqualTo("SEATED");
        PublishedEvent updated = awaitEvent(id, UPDATED);
        assertThat(ContractSchemas.violations(UPDATED, updated.body())).isEmpty();
        assertThat(json.readTree(updated.body()).get("changes").toString()).isEqualTo("[\"attendees\"]");

        // Astrid leaves: her seat goes to Nils, who is told; and the visit wish is withdrawn
        mvc.perform(post("/anmalan/hantera/andra")
                        .with(csrf())
                        .param("token", token)
                        .param("attendees[0].id", "2")
                        .param("attendees[0].name", "Nils Ny")
                        .param("attendees[0].sessionIds", "upphandling"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Har plats")));
        List<Document> places =
                mongo.findById(dayId + "/upphandling", Document.class, "seats").getList("places", Document.class);
        assertThat(places).singleElement().satisfies(p -> {
            assertThat(p.getString("attendeeId")).isEqualTo("2");
            assertThat(p.getString("state")).isEqualTo("SEATED");
        });
        PublishedEvent promoted = awaitEvent(id, PROMOTED);
        assertThat(json.readTree(promoted.body()).get("attendeeName").asString())
                .isEqualTo("Nils Ny");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(new TopicReader(bootstrapServers)
                                .read("registration.events", id).stream()
                                        .filter(e -> UPDATED.equals(e.type()))
                                        .map(e -> json.readTree(e.body()))
                                        .toList())
                        .hasSize(2)
                        .last()
                        .satisfies(body -> {
                            assertThat(body.get("changes").toString()).isEqualTo("[\"attendees\",\"visitRequest\"]");
                            assertThat(body.get("visitRequest").isNull()).isTrue();
                        }));
        assertThat(registrationOf(orgNr).get("visitRequest")).isNull();
        assertThat(registrationOf(orgNr).getBoolean("seatsToSync")).isFalse();
    }
}
