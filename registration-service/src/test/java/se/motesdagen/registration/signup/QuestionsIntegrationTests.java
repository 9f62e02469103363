package se.motesdagen.registration.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.motesdagen.platform.test.ContractSchemas;
import se.motesdagen.platform.test.TopicReader;
import se.motesdagen.platform.test.TopicReader.PublishedEvent;
import se.motesdagen.registration.RegistrationTestBase;
import se.motesdagen.registration.support.Companies;
import tools.jackson.databind.JsonNode;

/**
 * The day's own questions, as a new user tries them: staff add a required choice per attendee, a
 * yes/no for the company and a number asked only on its "yes", in both languages; companies answer
 * through the form and the API; the answers reach the detail page, the list's filter, the files, the
 * confirmation event; wrong answers are refused and store nothing; a changed or removed question loses
 * no answer; erasure takes them.
 */
class QuestionsIntegrationTests extends RegistrationTestBase {

    private static final String LUNCH = "vilken-lunch-vill-du-ha";
    private static final String PARKING = "behover-ni-parkeringstillstand";
    private static final String CARS = "hur-manga-bilar";
    private static final String FROM = "varifran-kommer-ni";

    @Test
    void staffAskTheirOwnQuestionsAndTheAnswersGoWhereverTheRegistrationGoes() throws Exception {
        String dayId = "fragor-" + UUID.randomUUID().toString().substring(0, 8);
        saveDay(dayId, null, null, 30);
        addQuestion(
                dayId,
                "SINGLE_CHOICE",
                "ATTENDEE",
                true,
                "Vilken lunch vill du ha?",
                "Which lunch would you like?",
                "choices",
                "Vegetarisk | Vegetarian\nVanlig | Regular");
        addQuestion(
                dayId, "YES_NO", "COMPANY", false, "Behöver ni parkeringstillstånd?", "Do you need a parking permit?");
        addQuestion(
                dayId, "NUMBER", "COMPANY", true, "Hur många bilar?", "How many cars?", "shownWhen", PARKING + "=yes");
        addQuestion(dayId, "SHORT_TEXT", "COMPANY", false, "Varifrån kommer ni?", "Where do you come from?");

        // the form asks them, in Swedish and in English, the conditional one saying when it counts
        mvc.perform(get("/evenemang/" + dayId))
                .andExpect(content().string(Matchers.containsString("<legend>Vilken lunch vill du ha? *</legend>")))
                .andExpect(content().string(Matchers.containsString("name=\"attendees[0].answers[" + LUNCH + "]\"")))
                .andExpect(content()
                        .string(Matchers.containsString(
                                "Svara bara om svaret på ”Behöver ni parkeringstillstånd?” är ”Ja”.")));
        mvc.perform(get("/evenemang/" + dayId).param("lang", "en"))
                .andExpect(content().string(Matchers.containsString("Which lunch would you like? *")))
                .andExpect(content().string(Matchers.containsString(">Vegetarian</label>")));
        mvc.perform(get("/api/events/" + dayId + "/questions"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(LUNCH))
                .andExpect(jsonPath("$[0].choices[0].id").value("vegetarisk"))
                .andExpect(jsonPath("$[2].shownWhen.questionId").value(PARKING));

        mvc.perform(get("/v3/api-docs"))
                .andExpect(content().string(Matchers.containsString("/api/events/{eventId}/questions")))
                .andExpect(
                        content().string(Matchers.containsString("The company's answers to the day's own questions")));

        // wrong answers: each gets its message on its own field, and nothing is stored
        String refused = Companies.newOrganisationNumber();
        mvc.perform(form(dayId, refused)
                        .param("answers[" + PARKING + "]", "yes")
                        .param("answers[" + FROM + "]", "<script>alert(1)</script>")
                        .param("attendees[1].answers[" + LUNCH + "]", "fisk"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("href=\"#attendees0.answers" + LUNCH + "\"")))
                .andExpect(content().string(Matchers.containsString("Svara på frågan.")))
                .andExpect(content().string(Matchers.containsString("Välj bland svarsalternativen.")))
                .andExpect(content().string(Matchers.containsString("Svaret får inte innehålla HTML-kod")))
                .andExpect(content().string(Matchers.containsString("id=\"answers" + CARS + "-error\"")));
        mvc.perform(api(
                        dayId,
                        Companies.newOrganisationNumber(),
                        "{\"" + FROM + "\": \"" + "x".repeat(10_000) + "\"}",
                        "vanlig"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.field == 'answers[" + FROM + "]')].message")
                        .value(Matchers.hasItem("Svaret får vara högst 200 tecken.")));
        mvc.perform(api(dayId, Companies.newOrganisationNumber(), "{\"finns-inte\": \"x\"}", "vanlig"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.field == 'answers[finns-inte]')]")
                        .exists());
        assertThat(mongo.count(byOrgNr(refused), "registrations")).isZero();

        // two attendees through the form: parking yes, two cars; one through the API: no parking, so no cars
        String viaForm = Companies.newOrganisationNumber();
        mvc.perform(form(dayId, viaForm)
                        .param("answers[" + PARKING + "]", "yes")
                        .param("answers[" + CARS + "]", "2")
                        .param("answers[" + FROM + "]", "Oxelösund < 5 mil")
                        .param("attendees[0].answers[" + LUNCH + "]", "vegetarisk")
                        .param("attendees[1].answers[" + LUNCH + "]", "vanlig"))
                .andExpect(status().is3xxRedirection());
        String viaApi = Companies.newOrganisationNumber();
        mvc.perform(api(dayId, viaApi, "{\"" + PARKING + "\": false, \"" + CARS + "\": 7}", "vegetarisk"))
                .andExpect(status().isCreated());
        List<Document> formAnswers = registrationOf(viaForm).getList("answers", Document.class);
        assertThat(formAnswers)
                .extracting(
                        a -> a.getString("questionId") + "/" + a.getString("attendeeId") + "=" + a.getString("text"))
                .containsExactly(
                        PARKING + "/null=Ja",
                        CARS + "/null=2",
                        FROM + "/null=Oxelösund < 5 mil",
                        LUNCH + "/1=Vegetarisk",
                        LUNCH + "/2=Vanlig");
        assertThat(registrationOf(viaApi).getList("answers", Document.class))
                .as("the cars are not asked without a parking permit")
                .extracting(a -> a.getString("questionId") + "=" + a.getString("text"))
                .containsExactly(PARKING + "=Nej", LUNCH + "=Vegetarisk");

        // the confirmation carries them, to the schema
        String id = registrationOf(viaForm).getString("_id");
        mvc.perform(pressConfirm(confirmPathOf(id))).andExpect(status().isOk());
        PublishedEvent confirmed = awaitEvent(id, CONFIRMED);
        assertThat(ContractSchemas.violations(CONFIRMED, confirmed.body())).isEmpty();
        JsonNode answers = json.readTree(confirmed.body()).get("answers");
        assertThat(answers).hasSize(5);
        assertThat(answers.get(3).get("question").asString()).isEqualTo("Vilken lunch vill du ha?");
        assertThat(answers.get(3).get("attendeeId").asString()).isEqualTo("1");

        // staff see them on the detail page, filter by them, and get them in both files
        mvc.perform(get("/personal/anmalningar/" + id).with(staff()))
                .andExpect(content().string(Matchers.containsString("<dt>Hur många bilar?</dt>")))
                .andExpect(content()
                        .string(Matchers.containsString(
                                "<span>Vilken lunch vill du ha?</span> <strong>Vegetarisk</strong>")));
        assertThat(staffSearch("event", dayId, "answer", PARKING + "=yes"))
                .contains("Nyköpings Testbageri AB")
                .doesNotContain("API-bolaget AB");
        assertThat(staffSearch("event", dayId, "answer", PARKING + "=no")).contains("API-bolaget AB");

        // the question changes its wording and one is removed: the answers keep theirs, the files keep the column
        mvc.perform(post("/personal/program/" + dayId + "/fragor/" + LUNCH)
                        .with(csrf())
                        .with(staff())
                        .param("textSv", "Vad vill du äta till lunch?")
                        .param("required", "true")
                        .param("choices", "Vegetarisk | Vegetarian\nVanlig | Regular\nFisk | Fish"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/personal/program/" + dayId + "/fragor/" + FROM + "/ta-bort")
                        .with(csrf())
                        .with(staff()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/evenemang/" + dayId))
                .andExpect(content().string(Matchers.containsString("Vad vill du äta till lunch? *")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Varifrån kommer ni?"))));
        assertThat(registrationOf(viaForm)
                        .getList("answers", Document.class)
                        .get(3)
                        .getString("question"))
                .isEqualTo("Vilken lunch vill du ha?");
        String csv = mvc.perform(
                        get("/personal/anmalningar.csv").param("event", dayId).with(staff()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv)
                .contains("Vad vill du äta till lunch?", "Varifrån kommer ni? (borttagen fråga)")
                .contains("Astrid Exempelsson: Vegetarisk; Per Persson: Vanlig")
                .contains("Oxelösund < 5 mil");
        byte[] xlsx = mvc.perform(
                        get("/personal/anmalningar.xlsx").param("event", dayId).with(staff()))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> attendees = workbook.getSheets().toList().get(1).read();
            int lunch = column(attendees.getFirst(), "Vad vill du äta till lunch?");
            assertThat(attendees.stream().skip(1).map(r -> r.getCellText(lunch)))
                    .contains("Vegetarisk", "Vanlig");
        }

        // the company changes its answers on the manage page: an unchanged answer keeps the wording it was
        // given to, a new one takes today's, the removed question's answer stays; only answers: no event
        String manageUrl = link(confirmed, "manageLink");
        String token = manageUrl.substring(manageUrl.indexOf("token=") + "token=".length());
        mvc.perform(get("/anmalan/hantera").param("token", token))
                .andExpect(content().string(Matchers.containsString("Vad vill du äta till lunch? *")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Varifrån kommer ni?"))));
        mvc.perform(post("/anmalan/hantera/andra")
                        .with(csrf())
                        .param("token", token)
                        .param("attendees[0].id", "1")
                        .param("attendees[0].name", "Astrid Exempelsson")
                        .param("attendees[0].role", "VD")
                        .param("attendees[0].sessionIds", "upphandling")
                        .param("attendees[0].answers[" + LUNCH + "]", "vegetarisk")
                        .param("attendees[1].id", "2")
                        .param("attendees[1].name", "Per Persson")
                        .param("attendees[1].sessionIds", "upphandling")
                        .param("attendees[1].needs", "Glutenfri kost")
                        .param("attendees[1].answers[" + LUNCH + "]", "fisk")
                        .param("answers[" + PARKING + "]", "yes")
                        .param("answers[" + CARS + "]", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Ändringen är sparad")));
        assertThat(registrationOf(viaForm).getList("answers", Document.class))
                .extracting(a -> a.getString("questionId") + "/" + a.getString("attendeeId") + " "
                        + a.getString("question") + " = " + a.getString("text"))
                .containsExactlyInAnyOrder(
                        PARKING + "/null Behöver ni parkeringstillstånd? = Ja",
                        CARS + "/null Hur många bilar? = 3",
                        FROM + "/null Varifrån kommer ni? = Oxelösund < 5 mil",
                        LUNCH + "/1 Vilken lunch vill du ha? = Vegetarisk",
                        LUNCH + "/2 Vad vill du äta till lunch? = Fisk");
        assertThat(new TopicReader(bootstrapServers).read("registration.events", id))
                .extracting(PublishedEvent::type)
                .doesNotContain(UPDATED);

        // a question another is shown on cannot go until that one no longer depends on it
        mvc.perform(post("/personal/program/" + dayId + "/fragor/" + PARKING + "/ta-bort")
                        .with(csrf())
                        .with(staff()))
                .andExpect(redirectedUrl("/personal/program/" + dayId + "/fragor/" + PARKING));
        mvc.perform(get("/evenemang/" + dayId))
                .andExpect(content().string(Matchers.containsString("Behöver ni parkeringstillstånd?")));

        // erasure takes the answers with the rest
        mvc.perform(post("/personal/anmalningar/" + id + "/radera")
                        .with(csrf())
                        .with(staff())
                        .param("sure", "true"))
                .andExpect(status().is3xxRedirection());
        // (the organisationsnummer goes too, so the registration is found by its id)
        assertThat(mongo.findById(id, Document.class, "registrations").getList("answers", Document.class))
                .isEmpty();
    }

    private static int column(Row header, String heading) {
        for (int c = 0; c < header.getCellCount(); c++) {
            if (heading.equals(header.getCellText(c))) {
                return c;
            }
        }
        throw new AssertionError("no column " + heading + " in " + header);
    }

    private void addQuestion(
            String dayId, String kind, String scope, boolean required, String sv, String en, String... more)
            throws Exception {
        MockHttpServletRequestBuilder request = post("/personal/program/" + dayId + "/fragor")
                .with(csrf())
                .with(staff())
                .param("kind", kind)
                .param("scope", scope)
                .param("required", String.valueOf(required))
                .param("textSv", sv)
                .param("textEn", en);
        for (int i = 0; i < more.length; i += 2) {
            request.param(more[i], more[i + 1]);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    /** Two attendees in the day's one session, no visit. */
    private MockHttpServletRequestBuilder form(String dayId, String orgNr) {
        return validFormFor(dayId, orgNr, "attendees[0].sessionIds", "upphandling");
    }

    private static MockHttpServletRequestBuilder api(String dayId, String orgNr, String answers, String lunch) {
        return post("/api/events/" + dayId + "/registrations")
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"companyName":"API-bolaget AB","organisationNumber":"%s","contactName":"Per Persson",
                         "email":"per@api-bolaget.example","consent":true,"answers":%s,
                         "attendees":[{"name":"Per Persson","answers":{"%s":"%s"}}]}
                        """.formatted(orgNr, answers, LUNCH, lunch));
    }
}
