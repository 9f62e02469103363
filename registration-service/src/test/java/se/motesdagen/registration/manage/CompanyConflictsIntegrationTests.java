package se.motesdagen.registration.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import se.motesdagen.platform.test.TopicReader;
import se.motesdagen.platform.test.TopicReader.PublishedEvent;
import se.motesdagen.registration.RegistrationTestBase;
import se.motesdagen.registration.support.Companies;
import tools.jackson.databind.JsonNode;

/**
 * Company squatting: the organisationsnummer is public, so two people may register one company and
 * both confirm. Whoever confirms second is not refused but kept as contested for staff, with both
 * contacts; the manage link only ever goes to the address that holds the company's place. Both orders.
 */
class CompanyConflictsIntegrationTests extends RegistrationTestBase {

    private static final String COMPANY = "vd@bolaget.example";
    private static final String SQUATTER = "obehorig@annan.example";

    @Test
    void theCompanyConfirmsFirstAndStaffRemoveTheSquattersRegistration() throws Exception {
        String dayId = day();
        String orgNr = Companies.newOrganisationNumber();
        String company = submit(dayId, orgNr, COMPANY, "Vera Verklig");
        String squatter = submit(dayId, orgNr, SQUATTER, "Otto Obehörig");

        mvc.perform(pressConfirm(confirmPathOf(company)))
                .andExpect(content().string(Matchers.containsString("Anmälan är bekräftad")));
        mvc.perform(pressConfirm(confirmPathOf(squatter)))
                .andExpect(content().string(Matchers.containsString("Företaget är redan anmält")))
                .andExpect(content().string(Matchers.containsString("lämnat båda till arrangören")));
        assertThat(statusOf(company)).isEqualTo("CONFIRMED");
        assertThat(statusOf(squatter)).isEqualTo("CONTESTED");
        // holds nothing while staff decide, and the API's status keeps its old values
        assertThat(stateOf(dayId, squatter)).isNull();
        mvc.perform(get("/api/events/" + dayId + "/registrations/" + squatter))
                .andExpect(jsonPath("$.status").value("PENDING"));
        // opened again, the link says the same and confirms nothing
        mvc.perform(get(confirmPathOf(squatter)))
                .andExpect(content().string(Matchers.containsString("lämnat båda till arrangören")));

        // staff see it on the list and both contacts on either registration's page
        mvc.perform(get("/personal/anmalningar").param("event", dayId).with(staff()))
                .andExpect(content().string(Matchers.containsString("1 anmälan väntar på beslut")));
        for (String id : List.of(company, squatter)) {
            mvc.perform(get("/personal/anmalningar/" + id).with(staff()))
                    .andExpect(content().string(Matchers.containsString("Företaget har två anmälningar")))
                    .andExpect(content().string(Matchers.containsString(COMPANY)))
                    .andExpect(content().string(Matchers.containsString(SQUATTER)));
        }

        // the squatter registers again: the manage link goes to the address that confirmed, not to him
        send(dayId, orgNr, SQUATTER, "Otto Obehörig");
        assertThat(manageLinkRecipients(company)).containsExactly(COMPANY);

        // nothing is decided without the box ticked
        mvc.perform(post("/personal/anmalningar/" + squatter + "/ta-bort")
                        .with(csrf())
                        .with(staff())
                        .param("event", dayId))
                .andExpect(redirectedUrl("/personal/anmalningar/" + squatter));
        assertThat(statusOf(squatter)).isEqualTo("CONTESTED");
        mvc.perform(post("/personal/anmalningar/" + squatter + "/ta-bort")
                        .with(csrf())
                        .with(staff())
                        .param("event", dayId)
                        .param("sure", "true"))
                .andExpect(redirectedUrl("/personal/anmalningar?event=" + dayId));
        assertThat(mongo.findById(squatter, Document.class, "registrations")).isNull();
        assertThat(statusOf(company)).isEqualTo("CONFIRMED");
        assertThat(stateOf(dayId, company)).isEqualTo("SEATED");
    }

    @Test
    void theSquatterConfirmsFirstAndStaffGiveTheCompanyItsPlace() throws Exception {
        String dayId = day();
        String orgNr = Companies.newOrganisationNumber();
        String squatter = submit(dayId, orgNr, SQUATTER, "Otto Obehörig");
        String company = submit(dayId, orgNr, COMPANY, "Vera Verklig");

        mvc.perform(pressConfirm(confirmPathOf(squatter)))
                .andExpect(content().string(Matchers.containsString("Anmälan är bekräftad")));
        mvc.perform(pressConfirm(confirmPathOf(company)))
                .andExpect(content().string(Matchers.containsString("Företaget är redan anmält")));
        assertThat(statusOf(company)).isEqualTo("CONTESTED");
        assertThat(stateOf(dayId, squatter)).isEqualTo("SEATED");

        // the company registers again: the squatter's address got the link, the company's did not
        send(dayId, orgNr, COMPANY, "Vera Verklig");
        assertThat(manageLinkRecipients(squatter)).containsExactly(SQUATTER);
        assertThat(manageLinkRecipients(company)).isEmpty();

        mvc.perform(post("/personal/anmalningar/" + company + "/ge-platsen")
                        .with(csrf())
                        .with(staff())
                        .param("sure", "true"))
                .andExpect(redirectedUrl("/personal/anmalningar/" + company));
        assertThat(statusOf(squatter)).isEqualTo("CANCELLED");
        assertThat(statusOf(company)).isEqualTo("CONFIRMED");
        // the one seat of the session went with the place
        assertThat(stateOf(dayId, company)).isEqualTo("SEATED");
        assertThat(stateOf(dayId, squatter)).isNull();

        // the squatter is told as for a cancellation; the company's contact gets the confirmation
        PublishedEvent cancelled = awaitEvent(squatter, CANCELLED);
        assertThat(json.readTree(cancelled.body()).get("contact").get("email").asString())
                .isEqualTo(SQUATTER);
        PublishedEvent confirmed = awaitEvent(company, CONFIRMED);
        assertThat(json.readTree(confirmed.body()).get("contact").get("email").asString())
                .isEqualTo(COMPANY);
        String manage = link(confirmed, "manageLink").substring("http://motesdagen.test".length());
        mvc.perform(get(manage)).andExpect(content().string(Matchers.containsString("Avboka anmälan")));

        // from now on a new submission sends the manage link to the company's address only
        send(dayId, orgNr, SQUATTER, "Otto Obehörig");
        assertThat(manageLinkRecipients(company)).containsExactly(COMPANY);
        assertThat(manageLinkRecipients(squatter)).containsExactly(SQUATTER);

        // a second press decides nothing more
        mvc.perform(post("/personal/anmalningar/" + company + "/ge-platsen")
                        .with(csrf())
                        .with(staff())
                        .param("sure", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(company)).isEqualTo("CONFIRMED");
        mvc.perform(get("/personal/anmalningar/" + company).with(staff()))
                .andExpect(content().string(Matchers.containsString("Personal gav företagets plats")));
    }

    /** A day with one seat in its one session, so the seat has to move with the company's place. */
    private String day() {
        String dayId = "dubbel-" + UUID.randomUUID();
        saveDay(dayId, null, null, 1);
        return dayId;
    }

    private String submit(String dayId, String orgNr, String email, String contact) throws Exception {
        send(dayId, orgNr, email, contact);
        return mongo.findOne(
                        byOrgNr(orgNr)
                                .addCriteria(Criteria.where("dayId").is(dayId))
                                .addCriteria(Criteria.where("contact.email").is(email)),
                        Document.class,
                        "registrations")
                .getString("_id");
    }

    /** The form as the contact fills it in: one attendee, the day's one session. */
    private void send(String dayId, String orgNr, String email, String contact) throws Exception {
        mvc.perform(validFormFor(
                        dayId,
                        orgNr,
                        "email",
                        email,
                        "contactName",
                        contact,
                        "attendees[0].name",
                        contact,
                        "attendees[0].sessionIds",
                        "upphandling",
                        "attendees[1].name",
                        null,
                        "attendees[1].sessionIds",
                        null,
                        "attendees[1].needs",
                        null))
                .andExpect(status().is3xxRedirection());
    }

    private String statusOf(String registrationId) {
        return mongo.findById(registrationId, Document.class, "registrations").getString("status");
    }

    /** To whom the manage links of the registration went, once its outbox is published. */
    private List<String> manageLinkRecipients(String registrationId) {
        awaitOutboxEmpty(registrationId);
        return new TopicReader(bootstrapServers)
                .read("registration.events", registrationId).stream()
                        .filter(e -> MANAGE_LINK.equals(e.type()))
                        .map(e -> json.readTree(e.body()))
                        .map((JsonNode body) -> body.get("contact").get("email").asString())
                        .toList();
    }
}
