package se.motesdagen.registration.seats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import org.bson.Document;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.ContractSchemas;
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.platform.test.TopicReader;
import se.motesdagen.platform.test.TopicReader.PublishedEvent;
import se.motesdagen.registration.RegistrationTestBase;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.signup.AttendeeForm;
import se.motesdagen.registration.signup.RegistrationForm;
import se.motesdagen.registration.signup.Signups;
import se.motesdagen.registration.signup.SubmitOutcome;
import se.motesdagen.registration.support.Companies;
import tools.jackson.databind.JsonNode;

/** Seats and the waiting list under load: no oversell, the line in arrival order, a freed seat to the first in line. */
class SeatsIntegrationTests extends RegistrationTestBase {

    @Test
    void twoHundredConfirmationsAtOnceForFiftySeatsSeatFiftyAndLineUpTheRestInArrivalOrder(
            @Autowired Signups service, @Autowired Programme programme) throws Exception {
        String dayId = "femtio-platser-" + UUID.randomUUID();
        saveDay(dayId, null, null, 50);
        var day = programme.day(dayId).orElseThrow();
        Set<String> orgNrs = new LinkedHashSet<>();
        while (orgNrs.size() < 200) {
            orgNrs.add(Companies.newOrganisationNumber());
        }

        // 200 companies register at once, one attendee each, all for the one 50-seat session
        List<String> ids = inParallel(orgNrs.stream().toList(), orgNr -> {
            var form = new RegistrationForm();
            form.setCompanyName("Testbolag " + orgNr);
            form.setOrganisationNumber(orgNr);
            form.setContactName("Kim Exempel");
            form.setEmail("kim." + orgNr + "@testbolag.example");
            form.setAttendees(List.of(new AttendeeForm("Kim Exempel", List.of("upphandling"))));
            form.setConsent(true);
            var outcome = service.submit(day, form, "sv");
            assertThat(outcome).isInstanceOf(SubmitOutcome.Accepted.class);
            return ((SubmitOutcome.Accepted) outcome).registrationId();
        });
        assertThat(ids).doesNotHaveDuplicates().hasSize(200);
        Document seats = mongo.findById(dayId + "/upphandling", Document.class, "seats");
        List<Document> places = seats.getList("places", Document.class);
        assertThat(places).extracting(p -> p.getString("registrationId")).containsExactlyInAnyOrderElementsOf(ids);
        // the arrival order is the order of the tickets: the first 50 hold a seat, the rest wait
        Map<String, Long> ticketOf = new HashMap<>();
        places.forEach(p -> ticketOf.put(p.getString("registrationId"), p.getLong("ticket")));
        assertThat(ticketOf.values())
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(1, 200).boxed().toList());
        assertThat(places)
                .allSatisfy(p ->
                        assertThat(p.getString("state")).isEqualTo(p.getLong("ticket") <= 50 ? "HELD" : "WAITING"));

        // the confirm links, from the published RegistrationSubmitted events
        Set<String> ours = new HashSet<>(ids);
        Map<String, String> tokenOf = new HashMap<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            new TopicReader(bootstrapServers)
                    .read("registration.events", ours::contains).stream()
                            .filter(e -> SUBMITTED.equals(e.type()))
                            .forEach(e -> {
                                String url = link(e, "confirmationLink");
                                tokenOf.put(e.key(), url.substring(url.indexOf("token=") + "token=".length()));
                            });
            return tokenOf.size() == 200;
        });

        // all 200 press the confirm button at once
        List<String> pages = inParallel(
                ids,
                id -> mvc.perform(post("/anmalan/bekrafta").with(csrf()).param("token", tokenOf.get(id)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(pages).allSatisfy(page -> assertThat(page).contains("Anmälan är bekräftad"));
        assertThat(pages).filteredOn(page -> page.contains("Har plats")).hasSize(50);
        assertThat(pages).filteredOn(page -> page.contains("Väntelista")).hasSize(150);

        // exactly 50 seated, 150 waiting in arrival order, and every registration confirmed once
        List<Document> after =
                mongo.findById(dayId + "/upphandling", Document.class, "seats").getList("places", Document.class);
        assertThat(after).hasSize(200);
        assertThat(after)
                .filteredOn(p -> "SEATED".equals(p.getString("state")))
                .extracting(p -> p.getLong("ticket"))
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(1, 50).boxed().toList());
        assertThat(after)
                .filteredOn(p -> "WAITING".equals(p.getString("state")))
                .hasSize(150);
        assertThat(mongo.count(
                        Query.query(
                                Criteria.where("dayId").is(dayId).and("status").is("CONFIRMED")),
                        "registrations"))
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<PublishedEvent> confirmedEvents = new TopicReader(bootstrapServers)
                    .read("registration.events", ours::contains).stream()
                            .filter(e -> CONFIRMED.equals(e.type()))
                            .toList();
            assertThat(confirmedEvents).extracting(PublishedEvent::key).containsExactlyInAnyOrderElementsOf(ids);
            for (PublishedEvent event : confirmedEvents) {
                assertThat(ContractSchemas.violations(CONFIRMED, event.body())).isEmpty();
                JsonNode place = json.readTree(event.body()).get("places").get(0);
                long ticket = ticketOf.get(event.key());
                if (ticket <= 50) {
                    assertThat(place.get("status").asString()).isEqualTo("seated");
                } else {
                    // nobody left the line, so the place in line is the place of arrival after the 50 seats
                    assertThat(place.get("status").asString()).isEqualTo("waiting");
                    assertThat(place.get("waitingPosition").asLong()).isEqualTo(ticket - 50);
                }
            }
        });
    }

    @Test
    void aSeatThatComesFreeGoesToTheFirstInLineWhoIsToldAndAHoldThatRanOutGoesToTheBack(@Autowired Seats seats)
            throws Exception {
        String dayId = "en-plats-" + UUID.randomUUID();
        saveDay(dayId, null, null, 1);
        String first = submitTo(dayId, Companies.newOrganisationNumber());
        String second = submitTo(dayId, Companies.newOrganisationNumber());
        String third = submitTo(dayId, Companies.newOrganisationNumber());
        // the public page tells the next company before it chooses
        mvc.perform(get("/evenemang/" + dayId))
                .andExpect(content().string(Matchers.containsString("Fullbokat – du kan ställa dig i kö")))
                .andExpect(content().string(Matchers.containsString("Upphandling (fullbokat, väntelista)")));
        mvc.perform(pressConfirm(confirmPathOf(third)))
                .andExpect(content().string(Matchers.containsString("Väntelista, plats 2 i kön")));
        Instant now = Instant.now();

        // the first one's hold runs out: the seat is held for the second, who has not confirmed either
        seats.releaseExpiredHolds(now.plus(Duration.ofHours(25)));
        assertThat(stateOf(dayId, first)).isNull();
        assertThat(stateOf(dayId, second)).isEqualTo("HELD");
        assertThat(stateOf(dayId, third)).isEqualTo("WAITING");

        // the second one's hold runs out too: the third, confirmed, gets the seat and is told
        seats.releaseExpiredHolds(now.plus(Duration.ofHours(49)));
        assertThat(stateOf(dayId, third)).isEqualTo("SEATED");
        PublishedEvent promoted = awaitEvent(third, PROMOTED);
        assertThat(ContractSchemas.violations(PROMOTED, promoted.body())).isEmpty();
        JsonNode body = json.readTree(promoted.body());
        assertThat(body.get("session").get("sessionId").asString()).isEqualTo("upphandling");
        assertThat(body.get("contact").get("email").asString()).isEqualTo("astrid@testbageri.example");
        assertThat(body.get("attendeeId").asString()).isEqualTo("1");

        // the first confirms late: no seat is free, so it goes to the back of the line (empty now)
        mvc.perform(pressConfirm(confirmPathOf(first)))
                .andExpect(content().string(Matchers.containsString("Väntelista, plats 1 i kön")));
        assertThat(stateOf(dayId, first)).isEqualTo("WAITING");
        assertThat(new TopicReader(bootstrapServers).read("registration.events", first))
                .extracting(PublishedEvent::type)
                .doesNotContain(PROMOTED);

        // staff see the session full: one confirmed seat of one, none reserved, one waiting
        String staffPage = mvc.perform(
                        get("/personal/anmalningar").param("event", dayId).with(StaffTokens.as(StaffRole.ADMIN)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(staffPage.replaceAll("\\s+", " "))
                .contains("<meter min=\"0\" max=\"1\" value=\"1\"")
                .contains(
                        "<td class=\"number\">1</td> <td class=\"number\">0</td> <td class=\"number\">0</td> <td class=\"number\">1</td>");
    }
}
