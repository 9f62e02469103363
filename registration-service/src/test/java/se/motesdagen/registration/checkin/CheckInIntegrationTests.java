package se.motesdagen.registration.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.bson.Document;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import se.motesdagen.platform.test.ContractSchemas;
import se.motesdagen.platform.test.TopicReader;
import se.motesdagen.platform.test.TopicReader.PublishedEvent;
import se.motesdagen.registration.RegistrationTestBase;
import se.motesdagen.registration.support.Companies;

/** A registration's page for staff and checking its attendees in on the day. */
class CheckInIntegrationTests extends RegistrationTestBase {

    @Test
    void staffSeeEverythingOfARegistrationCheckAttendeesInOnceAndScriptNeverRuns() throws Exception {
        String orgNr = Companies.newOrganisationNumber();
        mvc.perform(validForm(
                        orgNr,
                        "companyName",
                        "<script>alert('företag')</script> AB",
                        "attendees[1].name",
                        "Per <img src=x onerror=alert(1)> Persson"))
                .andExpect(status().is3xxRedirection());
        String id = registrationOf(orgNr).getString("_id");
        String detail = "/personal/anmalningar/" + id;

        // before confirmation nobody can be checked in
        mvc.perform(post(detail + "/incheckning").with(csrf()).with(staff()).param("attendee", "2"));
        assertThat(registrationOf(orgNr)
                        .getList("participants", Document.class)
                        .get(1)
                        .get("checkedInAt"))
                .isNull();

        mvc.perform(pressConfirm(confirmPathOf(id)));
        String page = mvc.perform(get(detail).with(staff()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("&lt;script&gt;alert(&#39;företag&#39;)&lt;/script&gt; AB")
                .contains("Per &lt;img src=x onerror=alert(1)&gt; Persson")
                .doesNotContain("<script>alert")
                .doesNotContain("<img src=x")
                .contains("Glutenfri kost")
                .contains("Anmäld via formuläret eller API:t")
                .contains("Bekräftad av kontaktpersonen");

        // the desk finds the attendee by name; one click checks in, a second changes nothing
        mvc.perform(get("/personal/incheckning")
                        .param("event", "stora-motesdagen-2027")
                        .param("q", "onerror=alert(1)> Pers")
                        .with(staff()))
                .andExpect(content().string(Matchers.containsString("Checka in Per &lt;img")));
        for (int i = 0; i < 2; i++) {
            mvc.perform(post(detail + "/incheckning")
                            .with(csrf())
                            .with(staff())
                            .param("attendee", "2")
                            .param("fromDesk", "true")
                            .param("q", "Pers"))
                    .andExpect(redirectedUrl("/personal/incheckning?event=stora-motesdagen-2027&q=Pers"));
        }
        mvc.perform(post(detail + "/incheckning").with(csrf()).param("attendee", "1"))
                .andExpect(status().isUnauthorized());
        assertThat(registrationOf(orgNr).getList("participants", Document.class))
                .extracting(p -> p.get("checkedInAt") != null)
                .containsExactly(false, true);
        PublishedEvent attended = awaitEvent(id, ATTENDED);
        assertThat(ContractSchemas.violations(ATTENDED, attended.body())).isEmpty();
        assertThat(json.readTree(attended.body()).get("attendeeId").asString()).isEqualTo("2");
        awaitOutboxEmpty(id);
        assertThat(new TopicReader(bootstrapServers).read("registration.events", id))
                .extracting(PublishedEvent::type)
                .containsExactly(SUBMITTED, CONFIRMED, ATTENDED);
        mvc.perform(get(detail).with(staff()))
                .andExpect(content().string(Matchers.containsString("Incheckad")))
                .andExpect(content()
                        .string(Matchers.containsString("Per &lt;img src=x onerror=alert(1)&gt; Persson (admin)")));
    }
}
