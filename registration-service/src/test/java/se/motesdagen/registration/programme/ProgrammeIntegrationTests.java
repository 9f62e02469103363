package se.motesdagen.registration.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.bson.Document;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.motesdagen.platform.test.ContractSchemas;
import se.motesdagen.registration.RegistrationTestBase;
import se.motesdagen.registration.support.Companies;

/** The days and their programme: registration times, visits-only days, the editor, the start page. */
class ProgrammeIntegrationTests extends RegistrationTestBase {

    @Test
    void outsideItsRegistrationTimesTheDaySaysWhenItOpensOrThatItHasClosedAndTakesNothing() throws Exception {
        Instant now = Instant.now();
        saveDay("oppnar-snart", now.plus(Duration.ofDays(3)), null);
        saveDay("har-stangt", null, now.minus(Duration.ofMinutes(1)));
        String opens = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.of("sv"))
                .format(now.plus(Duration.ofDays(3)).atZone(Day.ZONE));

        mvc.perform(get("/evenemang/oppnar-snart"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Anmälan öppnar den " + opens)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("name=\"organisationNumber\""))));
        mvc.perform(get("/evenemang/har-stangt"))
                .andExpect(content().string(Matchers.containsString("Anmälan till dagen har stängt")));

        for (String day : List.of("oppnar-snart", "har-stangt")) {
            String orgNr = Companies.newOrganisationNumber();
            MockHttpServletRequestBuilder form = validForm(orgNr);
            form.with(request -> {
                request.setRequestURI("/evenemang/" + day);
                return request;
            });
            mvc.perform(form).andExpect(status().isConflict());
            mvc.perform(post("/api/events/" + day + "/registrations")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(apiBody(orgNr, "")))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            assertThat(mongo.exists(byOrgNr(orgNr), "registrations")).isFalse();
        }
    }

    @Test
    void theStartPageLeadsToTheNextEvent() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(EVENT));
    }

    @Test
    void aVisitsOnlyDayHasNoSessionsAndEveryRegistrationIsAVisitRequestSaidOnTheForm() throws Exception {
        String name = "Besöksdag " + UUID.randomUUID().toString().substring(0, 8);
        String created = mvc.perform(post("/personal/program")
                        .with(csrf())
                        .with(staff())
                        .param("name", name)
                        .param("date", "2027-11-10")
                        .param("opensAt", "09:00")
                        .param("closesAt", "16:00")
                        .param("location", "Företagen i Nyköpings kommun"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String dayId = created.substring("/personal/program/".length());
        mvc.perform(post(created + "/pass")
                        .with(csrf())
                        .with(staff())
                        .param("title", "Ett pass för mycket")
                        .param("startsAt", "10:00")
                        .param("endsAt", "11:00")
                        .param("capacity", "10"))
                .andExpect(status().is3xxRedirection());
        // a day with sessions cannot become visits only; without them it can, and takes no sessions
        var visitsOnlyDay = post(created)
                .with(csrf())
                .with(staff())
                .param("name", name)
                .param("date", "2027-11-10")
                .param("opensAt", "09:00")
                .param("closesAt", "16:00")
                .param("location", "Företagen i Nyköpings kommun")
                .param("published", "true")
                .param("visitsOnly", "true");
        mvc.perform(visitsOnlyDay)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Dagen har pass: ta bort dem först")));
        mvc.perform(
                post(created + "/pass/ett-pass-for-mycket/ta-bort").with(csrf()).with(staff()));
        mvc.perform(visitsOnlyDay).andExpect(status().is3xxRedirection());
        mvc.perform(post(created + "/pass")
                        .with(csrf())
                        .with(staff())
                        .param("title", "Ändå ett pass")
                        .param("startsAt", "10:00")
                        .param("endsAt", "11:00")
                        .param("capacity", "10"))
                .andExpect(status().isUnprocessableContent());
        assertThat(mongo.findById(dayId, Document.class, "days").getList("sessions", Document.class))
                .isEmpty();

        mvc.perform(get("/evenemang/" + dayId))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Det finns inga dialogpass att välja")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("name=\"attendees[0].sessionIds\""))))
                .andExpect(content()
                        .string(Matchers.containsString("<input type=\"hidden\" name=\"wantsVisit\" value=\"true\">")));
        // a registration that does not ask for the visit is told what the day is; nothing is stored
        String refused = Companies.newOrganisationNumber();
        mvc.perform(validFormFor(
                        dayId,
                        refused,
                        "attendees[0].sessionIds",
                        null,
                        "attendees[1].name",
                        null,
                        "attendees[1].sessionIds",
                        null,
                        "attendees[1].needs",
                        null))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("bara för företagsbesök")));
        assertThat(mongo.exists(byOrgNr(refused), "registrations")).isFalse();
        String orgNr = Companies.newOrganisationNumber();
        mvc.perform(validFormFor(
                        dayId,
                        orgNr,
                        "attendees[0].sessionIds",
                        null,
                        "attendees[1].name",
                        null,
                        "attendees[1].sessionIds",
                        null,
                        "attendees[1].needs",
                        null,
                        "wantsVisit",
                        "true",
                        "visitAddress",
                        "Verkstadsvägen 2, Nyköping",
                        "visitAreas",
                        "BYGGLOV",
                        "visitMeets",
                        "Astrid Exempelsson"))
                .andExpect(status().is3xxRedirection());
        Document stored = registrationOf(orgNr);
        assertThat(stored.get("visitRequest", Document.class).getString("address"))
                .isEqualTo("Verkstadsvägen 2, Nyköping");
    }

    @Test
    void staffBuildADayAsADraftPublishItAndALargerRoomLetsTheWaitingListIn() throws Exception {
        String name = "Företagsfrukost " + UUID.randomUUID().toString().substring(0, 8);
        String created = mvc.perform(post("/personal/program")
                        .with(csrf())
                        .with(staff())
                        .param("name", name)
                        .param("date", "2027-10-05")
                        .param("opensAt", "07:30")
                        .param("closesAt", "09:30")
                        .param("location", "Stadshuset, Nyköping")
                        .param("description", "Frukost med kommunledningen."))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(created).startsWith("/personal/program/foretagsfrukost-");
        String dayId = created.substring("/personal/program/".length());

        // a draft: staff see it, the public does not
        mvc.perform(get("/evenemang/" + dayId)).andExpect(status().isNotFound());
        mvc.perform(post(created + "/pass")
                        .with(csrf())
                        .with(staff())
                        .param("title", "Upphandling")
                        .param("startsAt", "08:30")
                        .param("endsAt", "08:00")
                        .param("capacity", "1"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Passet måste sluta efter att det har börjat.")))
                .andExpect(content().string(Matchers.containsString("href=\"#endsAt\"")));
        for (String title : List.of("Upphandling", "Reserv")) {
            mvc.perform(post(created + "/pass")
                            .with(csrf())
                            .with(staff())
                            .param("title", title)
                            .param("startsAt", "08:00")
                            .param("endsAt", "09:00")
                            .param("room", "Sal A")
                            .param("capacity", "1"))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(post(created)
                        .with(csrf())
                        .with(staff())
                        .param("name", name)
                        .param("date", "2027-10-05")
                        .param("opensAt", "07:30")
                        .param("closesAt", "09:30")
                        .param("location", "Stadshuset, Nyköping")
                        .param("published", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/evenemang/" + dayId))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Upphandling")));

        // one seat: the second company waits, confirmed; two seats: it is let in and told
        String first = submitTo(dayId, Companies.newOrganisationNumber());
        String second = submitTo(dayId, Companies.newOrganisationNumber());
        mvc.perform(pressConfirm(confirmPathOf(second)))
                .andExpect(content().string(Matchers.containsString("Väntelista, plats 1 i kön")));
        assertThat(stateOf(dayId, first)).isEqualTo("HELD");
        mvc.perform(post(created + "/pass/upphandling")
                        .with(csrf())
                        .with(staff())
                        .param("title", "Upphandling")
                        .param("startsAt", "08:00")
                        .param("endsAt", "09:00")
                        .param("room", "Sal B")
                        .param("capacity", "2"))
                .andExpect(status().is3xxRedirection());
        assertThat(stateOf(dayId, second)).isEqualTo("SEATED");
        assertThat(ContractSchemas.violations(
                        PROMOTED, awaitEvent(second, PROMOTED).body()))
                .isEmpty();

        mvc.perform(get(created + "/pass/upphandling").with(staff()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<h1>Upphandling</h1>")))
                .andExpect(content().string(Matchers.containsString("value=\"2\"")))
                .andExpect(content().string(Matchers.containsString("kan inte tas bort")));
        // a session with places cannot be removed; an empty one can
        mvc.perform(post(created + "/pass/upphandling/ta-bort").with(csrf()).with(staff()))
                .andExpect(redirectedUrl(created + "/pass/upphandling"));
        mvc.perform(post(created + "/pass/reserv/ta-bort").with(csrf()).with(staff()))
                .andExpect(redirectedUrl(created));
        assertThat(mongo.findById(dayId, Document.class, "days").getList("sessions", Document.class))
                .extracting(d -> d.getString("_id") != null ? d.getString("_id") : d.getString("id"))
                .containsExactly("upphandling");
        mvc.perform(get("/personal/program").with(staff())).andExpect(content().string(Matchers.containsString(name)));
    }
}
