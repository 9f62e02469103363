package se.motesdagen.registration.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mock.web.MockHttpServletResponse;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.ContractSchemas;
import se.motesdagen.platform.test.TopicReader;
import se.motesdagen.platform.test.TopicReader.PublishedEvent;
import se.motesdagen.registration.RegistrationTestBase;
import se.motesdagen.registration.support.Companies;
import tools.jackson.databind.JsonNode;

/**
 * An access request (GDPR art. 15): this service answers at once, asks the others by event, and the
 * document is complete only when all four have answered; HTML and JSON to download; every step audited.
 */
class AccessRequestsIntegrationTests extends RegistrationTestBase {

    private static final String REQUESTED = "se.motesdagen.registration.access-requested.v1";
    private static final String EXAMPLE_REQUEST = "6c1b7f4e-0a8e-4f4e-9d55-2f0c8e6b1a77";

    @Test
    void anAdministratorGetsOneDocumentOnceEveryServiceHasAnsweredAndTheFirstAnswerStands() throws Exception {
        String dayId = "utdrag-" + UUID.randomUUID();
        saveDay(dayId, null, null, 5);
        String orgNr = Companies.newOrganisationNumber();
        String registrationId = submitTo(dayId, orgNr);
        String other = submitTo(dayId, Companies.newOrganisationNumber());

        String location = mvc.perform(post("/personal/registerutdrag")
                        .with(csrf())
                        .with(staff())
                        .param("vem", orgNr))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String requestId = location.substring(location.lastIndexOf('/') + 1);

        // the others are asked, with the registrations found here and the number; nothing of another company
        PublishedEvent asked = awaitRequested(requestId);
        assertThat(ContractSchemas.violations(REQUESTED, asked.body())).isEmpty();
        JsonNode body = json.readTree(asked.body());
        assertThat(body.get("organisationNumber").asString()).isEqualTo(orgNr);
        assertThat(body.get("registrationIds").values())
                .extracting(JsonNode::asString)
                .containsExactly(registrationId)
                .doesNotContain(other);

        // this service's own answer is there at once; the page says who is still to answer
        String page = page(location);
        assertThat(page)
                .contains("Registerutdrag för " + orgNr)
                .contains("Nyköpings Testbageri AB")
                .contains("Astrid Exempelsson")
                .contains("Deltagare 1, pass")
                .contains("Väntar på svar från: Företagsbesök, E-postutskick, Återkoppling");

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            answer(producer, "visit", requestId, "Astrid Holm", "Astrid Holm");
            answer(producer, "notification", requestId, "Skickat", "Skickat");
            // the same service answering again (a redelivery, or a forged second answer) does not replace the first
            answer(producer, "notification", requestId, "Bekräfta din anmälan", "Ett annat svar");
            answer(producer, "feedback", requestId, "Snabbare svar på bygglov.", "Snabbare svar på bygglov.");
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(requestId, Document.class, "accessRequests")
                                .get("answers", Document.class)
                                .size()
                        == 4);

        assertThat(page(location))
                .contains("Alla delar av systemet har svarat")
                .contains("Testbageriet AB")
                .contains("Bekräfta din anmälan")
                .doesNotContain("Ett annat svar")
                .contains("Snabbare svar på bygglov.");

        MockHttpServletResponse file = mvc.perform(
                        get(location + "/utdrag.json").with(staff()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(file.getHeader("Content-Disposition"))
                .startsWith("attachment")
                .contains(".json");
        JsonNode document = json.readTree(file.getContentAsByteArray());
        assertThat(document.get("complete").asBoolean()).isTrue();
        assertThat(document.at("/services/visit/records/0/category").asString()).isEqualTo("Besök");
        assertThat(document.at("/services/registration/records/0/id").asString())
                .isEqualTo(registrationId);

        MockHttpServletResponse html = mvc.perform(
                        get(location + "/utdrag.html").with(staff()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(html.getHeader("Content-Disposition"))
                .startsWith("attachment")
                .contains(".html");
        assertThat(html.getContentAsString())
                .contains("<style>")
                .doesNotContain("app.css")
                .doesNotContain("Logga ut")
                .contains("Astrid Exempelsson");

        // who asked, saw and downloaded is in the audit log, by the request's id and nothing else of it
        assertThat(mongo.find(Query.query(Criteria.where("record").is(requestId)), Document.class, "audit"))
                .extracting(entry -> entry.getString("action"))
                .containsExactlyInAnyOrder(
                        "access.requested", "access.viewed", "access.viewed", "access.downloaded", "access.downloaded");
        assertThat(mongo.find(new Query(), Document.class, "audit").toString()).doesNotContain(orgNr);
    }

    @Test
    void anAddressFindsTheContactWhateverItsCaseAndAPersonnummerNeverLeavesTheService() throws Exception {
        String dayId = "utdrag-epost-" + UUID.randomUUID();
        saveDay(dayId, null, null, 5);
        String email = "kontakt-" + UUID.randomUUID().toString().substring(0, 8) + "@testbageri.example";
        mvc.perform(validFormFor(
                        dayId,
                        Companies.newOrganisationNumber(),
                        "email",
                        email,
                        "attendees[0].sessionIds",
                        "upphandling",
                        "attendees[1].name",
                        null,
                        "attendees[1].sessionIds",
                        null,
                        "attendees[1].needs",
                        null))
                .andExpect(status().is3xxRedirection());
        String registrationId = mongo.findOne(
                        Query.query(Criteria.where("contactEmailKey").is(email)), Document.class, "registrations")
                .getString("_id");

        String byAddress = requestIdOf(email.toUpperCase());
        PublishedEvent toAddress = awaitRequested(byAddress);
        assertThat(ContractSchemas.violations(REQUESTED, toAddress.body())).isEmpty();
        JsonNode asked = json.readTree(toAddress.body());
        assertThat(asked.get("email").asString()).isEqualTo(email);
        assertThat(asked.get("registrationIds").values())
                .extracting(JsonNode::asString)
                .containsExactly(registrationId);

        String byPersonnummer = requestIdOf("19811218-9876");
        PublishedEvent sent = awaitRequested(byPersonnummer);
        assertThat(ContractSchemas.violations(REQUESTED, sent.body())).isEmpty();
        assertThat(sent.body()).doesNotContain("811218").doesNotContain("9876");
        assertThat(mongo.findById(byPersonnummer, Document.class, "accessRequests")
                        .toJson())
                .doesNotContain("811218");
    }

    @Test
    void whatIsNeitherANumberNorAnAddressIsSentBackWithAClearMessageAndAsksNobody() throws Exception {
        long before = mongo.count(new Query(), "accessRequests");
        for (String typed : List.of("", "556677-8898", "inte en adress@", "12345")) {
            assertThat(mvc.perform(post("/personal/registerutdrag")
                                    .with(csrf())
                                    .with(staff())
                                    .param("vem", typed))
                            .andExpect(status().is(422))
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .contains("Skriv ett giltigt organisationsnummer");
        }
        assertThat(mongo.count(new Query(), "accessRequests")).isEqualTo(before);
    }

    private String requestIdOf(String typed) throws Exception {
        String location = mvc.perform(post("/personal/registerutdrag")
                        .with(csrf())
                        .with(staff())
                        .param("vem", typed))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private PublishedEvent awaitRequested(String requestId) {
        TopicReader reader = new TopicReader(bootstrapServers);
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> reader.read("registration.events", requestId).stream()
                                .filter(e -> REQUESTED.equals(e.type()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static void answer(
            CloudEventProducer producer, String service, String requestId, String what, String with) {
        producer.sendExample(
                service + ".events",
                "se.motesdagen." + service + ".access-answered.v1",
                requestId,
                EXAMPLE_REQUEST,
                requestId,
                what,
                with);
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(staff())).andReturn().getResponse().getContentAsString();
    }
}
