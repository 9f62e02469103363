package se.motesdagen.registration.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import se.motesdagen.registration.RegistrationTestBase;
import se.motesdagen.registration.support.Companies;

/** The JSON API: the same rules as the form, problems for every error, the status resource and the OpenAPI document. */
class ApiIntegrationTests extends RegistrationTestBase {

    @Test
    void theJsonApiTakesTheSameRegistrationAndExplainsRejectionsPerField() throws Exception {
        String orgNr = Companies.newOrganisationNumber();
        String body = """
                {"companyName":"API-bolaget AB","organisationNumber":"%s","contactName":"Per Persson",
                 "email":"per@api-bolaget.example","consent":true,
                 "attendees":[{"name":"Per Persson","sessionIds":["upphandling"]},
                              {"name":"Pia Persson","role":"Inköpare","sessionIds":["upphandling"]},
                              {"name":"Pål Persson","needs":"Hörslinga"}]}
                """.formatted(orgNr);

        mvc.perform(post("/api/events/stora-motesdagen-2027/registrations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(header().exists("Location"));
        assertThat(registrationOf(orgNr).getInteger("attendees")).isEqualTo(3);

        mvc.perform(post("/api/events/stora-motesdagen-2027/registrations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"companyName\":\"X\",\"organisationNumber\":\"123\",\"attendees\":[]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.field == 'organisationNumber')].message")
                        .value(Matchers.hasItem(Matchers.startsWith("Organisationsnumret stämmer inte"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'attendees')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'consent')]").exists());

        mvc.perform(post("/api/events/finns-inte/registrations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isNotFound());
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/api/events/{eventId}/registrations")));
    }

    @Test
    void theLocationOfARegistrationAnswersWithItsStateAndNothingPersonal() throws Exception {
        String orgNr = Companies.newOrganisationNumber();
        String location = mvc.perform(post("/api/events/stora-motesdagen-2027/registrations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(apiBody(orgNr, "")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("Location");

        mvc.perform(get(location))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.eventId").value("stora-motesdagen-2027"))
                .andExpect(content().string(Matchers.not(Matchers.containsString(orgNr))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("@"))));
        mvc.perform(get(location.replace("stora-motesdagen-2027", "annan-dag")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void everyApiErrorIsAProblemWithAStatusThatSaysWhatWentWrong() throws Exception {
        mvc.perform(post("/api/events/stora-motesdagen-2027/registrations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"companyName\": \"Oavslutad"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Begäran kunde inte läsas")));
        mvc.perform(post("/api/events/stora-motesdagen-2027/registrations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(apiBody(Companies.newOrganisationNumber(), "x".repeat(70_000))))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/finns-inte"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        String orgNr = Companies.newOrganisationNumber();
        mvc.perform(post("/api/events/stora-motesdagen-2027/registrations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(apiBody(orgNr, "")
                                .replace("\"consent\":true", "\"consent\":true,\"website\":\"https://spam.example\"")))
                // answered as any accepted submission: the bot learns nothing of the field it filled
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("website"))));
        assertThat(mongo.exists(
                        Query.query(Criteria.where("company.organisationNumber").is(orgNr)), "registrations"))
                .as("the bot check stored nothing")
                .isFalse();
    }

    @Test
    void theOpenApiDocumentDescribesTheApiAndEveryAnswerItGives() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Mötesdagen – registrations API"))
                .andExpect(jsonPath("$.paths['/api/events/{eventId}/registrations'].post.responses['201']")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/events/{eventId}/registrations'].post.responses['404']")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/events/{eventId}/registrations'].post.responses['413']")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/events/{eventId}/registrations'].post.responses['422']")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/events/{eventId}/registrations'].post.responses['429']")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/events/{eventId}/registrations/{registrationId}'].get")
                        .exists());
    }
}
