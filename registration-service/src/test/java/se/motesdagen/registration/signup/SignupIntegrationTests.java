package se.motesdagen.registration.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.bson.Document;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.motesdagen.platform.test.ContractSchemas;
import se.motesdagen.platform.test.TopicReader;
import se.motesdagen.platform.test.TopicReader.PublishedEvent;
import se.motesdagen.registration.RegistrationTestBase;
import se.motesdagen.registration.support.Companies;
import tools.jackson.databind.JsonNode;

/** Taking registrations in: the form, confirming by the link, sole traders, one registration per company, staff by phone. */
class SignupIntegrationTests extends RegistrationTestBase {

    @Test
    void theEventPageShowsTheProgrammeAndTheFormInSwedish() throws Exception {
        mvc.perform(get(EVENT))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Stora Mötesdagen 2027")))
                .andExpect(content().string(Matchers.containsString("26 augusti 2027")))
                .andExpect(content().string(Matchers.containsString("Kompetensförsörjning")))
                .andExpect(content().string(Matchers.containsString("name=\"organisationNumber\"")))
                .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")))
                .andExpect(content().string(Matchers.containsString("Integritetsskyddsmyndigheten")))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("default-src 'self'")));
    }

    @Test
    void aSubmittedFormIsConfirmedByTheLinkInTheEventAndEachStepIsPublishedOnce() throws Exception {
        String orgNr = Companies.newOrganisationNumber();

        mvc.perform(validForm(orgNr)
                        .param("street", "Bagargatan 3")
                        .param("postalCode", "61130")
                        .param("town", "Nyköping")
                        .param("sniSection", "C")
                        .param("wantsVisit", "true")
                        .param("visitAddress", "Bagargatan 3, Nyköping")
                        .param("visitMeets", "  Karl Exempelsson, bagarmästare ")
                        .param("visitAreas", "BYGGLOV", "LIVSMEDELSKONTROLL")
                        .param("visitWindows", "MORNING")
                        .param("suggestion", "Samla alla tillstånd hos en kontaktperson."))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(EVENT + "/tack"));

        Document stored = registrationOf(orgNr);
        String id = stored.getString("_id");
        assertThat(stored.getString("status")).isEqualTo("PENDING");
        assertThat(stored.get("company", Document.class).getString("organisationNumber"))
                .isEqualTo(orgNr);
        assertThat(stored.getString("confirmationTokenHash")).hasSize(64);

        PublishedEvent submitted = awaitEvent(id, SUBMITTED);
        assertThat(submitted.specVersion()).isEqualTo("1.0");
        assertThat(submitted.source()).isEqualTo("/registration-service");
        assertThat(submitted.subject()).isEqualTo(id);
        assertThat(submitted.id()).isNotBlank();
        assertThat(ContractSchemas.violations(SUBMITTED, submitted.body())).isEmpty();
        // the link travels sealed: nothing that reads or keeps the event can use it
        assertThat(submitted.body()).doesNotContain("token=").doesNotContain("motesdagen.test");
        String link = link(submitted, "confirmationLink");
        assertThat(link).startsWith("http://motesdagen.test/anmalan/bekrafta?token=");
        String token = link.substring(link.indexOf('=') + 1);
        awaitOutboxEmpty(id);
        // the raw token travels only inside the pending event; once published, only its hash is kept
        assertThat(mongo.findById(id, Document.class, "registrations").toJson()).doesNotContain(token);

        String path = link.substring("http://motesdagen.test".length());
        // opening the link (as a mail scanner does) shows the button and changes nothing
        mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Bekräfta anmälan")))
                .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")));
        mvc.perform(get(path)).andExpect(status().isOk());
        assertThat(mongo.findById(id, Document.class, "registrations").getString("status"))
                .isEqualTo("PENDING");
        mvc.perform(post("/anmalan/bekrafta").param("token", path.substring(path.indexOf('=') + 1)))
                .andExpect(status().isForbidden());
        mvc.perform(pressConfirm(path))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Anmälan är bekräftad")));

        PublishedEvent confirmed = awaitEvent(id, CONFIRMED);
        assertThat(ContractSchemas.violations(CONFIRMED, confirmed.body())).isEmpty();
        JsonNode body = json.readTree(confirmed.body());
        assertThat(body.get("company").get("organisationNumber").asString()).isEqualTo(orgNr);
        assertThat(body.get("visitRequest").get("address").asString()).isEqualTo("Bagargatan 3, Nyköping");
        assertThat(body.get("visitRequest").get("topics").asString()).isEqualTo("bygglov, livsmedelskontroll");
        assertThat(body.get("visitRequest").get("areas").toString()).isEqualTo("[\"bygglov\",\"livsmedelskontroll\"]");
        assertThat(body.get("visitRequest").get("meets").asString()).isEqualTo("Karl Exempelsson, bagarmästare");
        assertThat(body.get("visitRequest").get("windows").get(0).get("from").asString())
                .isEqualTo("2027-08-26T08:00:00+02:00");
        assertThat(body.get("company").get("address").get("postalCode").asString())
                .isEqualTo("611 30");
        assertThat(body.get("company").get("sniSection").asString()).isEqualTo("C");
        assertThat(body.get("suggestion").asString()).isEqualTo("Samla alla tillstånd hos en kontaktperson.");
        assertThat(body.get("sessions").get(0).get("startsAt").asString()).isEqualTo("2027-08-26T10:00:00+02:00");

        mvc.perform(pressConfirm(path))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("redan bekräftad")));
        awaitOutboxEmpty(id);
        List<PublishedEvent> all = new TopicReader(bootstrapServers).read("registration.events", id);
        assertThat(all).extracting(PublishedEvent::type).containsExactly(SUBMITTED, CONFIRMED);
    }

    @Test
    void badInputComesBackWithAMessageNextToEachWrongFieldAndNothingIsStored() throws Exception {
        long before = mongo.getCollection("registrations").countDocuments();

        mvc.perform(post(EVENT)
                        .with(csrf())
                        .param("companyName", "")
                        .param("organisationNumber", "556677-8898")
                        .param("contactName", "Astrid Exempelsson")
                        .param("email", "inte-en-adress")
                        .param("attendees[0].name", "")
                        .param("attendees[0].sessionIds", "finns-inte")
                        .param("attendees[0].needs", "x".repeat(10_000))
                        .param("postalCode", "12")
                        .param("sniSection", "Z")
                        .param("suggestion", "<script>".repeat(2_000))
                        .param("wantsVisit", "true"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Fyll i företagets namn.")))
                .andExpect(content().string(Matchers.containsString("Organisationsnumret stämmer inte.")))
                .andExpect(content().string(Matchers.containsString("Skriv e-postadressen som namn@exempel.se.")))
                .andExpect(content().string(Matchers.containsString("Bekräfta att du har läst informationen")))
                .andExpect(content().string(Matchers.containsString("href=\"#organisationNumber\"")))
                .andExpect(content().string(Matchers.containsString("value=\"Astrid Exempelsson\"")))
                // an attendee's mistakes name the attendee in the summary and link to the field
                .andExpect(content().string(Matchers.containsString("Deltagare 1: Fyll i deltagarens namn.")))
                .andExpect(content().string(Matchers.containsString("href=\"#attendees0.name\"")))
                .andExpect(content().string(Matchers.containsString("högst 500 tecken")))
                .andExpect(content().string(Matchers.containsString("Skriv postnumret med fem siffror")))
                .andExpect(content().string(Matchers.containsString("Förslaget får vara högst 2000 tecken.")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<script><script>"))));

        assertThat(mongo.getCollection("registrations").countDocuments()).isEqualTo(before);
    }

    @Test
    void anAttendeeCannotBeInTwoSessionsAtOnceAndMoreAttendeesAreAddedAndRemovedWithoutScript() throws Exception {
        String orgNr = Companies.newOrganisationNumber();
        mvc.perform(validForm(orgNr, "attendees[1].sessionIds", "kompetensforsorjning,bygglov-och-tillstand"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content()
                        .string(Matchers.containsString("Deltagare 2: Två av de valda passen går samtidigt.")));
        assertThat(mongo.exists(byOrgNr(orgNr), "registrations")).isFalse();

        // "add an attendee" shows the same form with an empty third attendee, and checks nothing yet
        mvc.perform(validForm(orgNr, "email", "").param("addAttendee", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Deltagare 3")))
                .andExpect(content().string(Matchers.containsString("name=\"attendees[2].name\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("error-summary"))));
        // "remove attendee 1" leaves Per as the only one
        mvc.perform(validForm(orgNr).param("removeAttendee", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("value=\"Per Persson\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("name=\"attendees[1].name\""))));
        assertThat(mongo.exists(byOrgNr(orgNr), "registrations")).isFalse();

        // sent: each attendee is kept with their own sessions and needs
        mvc.perform(validForm(orgNr)).andExpect(status().is3xxRedirection());
        List<Document> people = registrationOf(orgNr).getList("participants", Document.class);
        assertThat(people).extracting(d -> d.getString("name")).containsExactly("Astrid Exempelsson", "Per Persson");
        assertThat(people.get(0).getList("sessionIds", String.class))
                .containsExactly("kompetensforsorjning", "upphandling");
        assertThat(people.get(1).getString("needs")).isEqualTo("Glutenfri kost");
        assertThat(registrationOf(orgNr).getInteger("attendees")).isEqualTo(2);
    }

    @Test
    void rulesThatNeedTheProgrammeAreCheckedOnceTheFieldsAreValid() throws Exception {
        String orgNr = Companies.newOrganisationNumber();

        mvc.perform(validForm(orgNr)
                        .param("attendees[0].sessionIds", "finns-inte")
                        .param("wantsVisit", "true"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("finns inte i programmet")))
                .andExpect(content().string(Matchers.containsString("Fyll i besöksadressen")));

        assertThat(mongo.exists(byOrgNr(orgNr), "registrations")).isFalse();
    }

    @Test
    void aSoleTraderRegistersByPersonnummerWhichIsNeitherStoredNorPublished() throws Exception {
        // Skatteverket's test identity "Tolvan", never a real person
        mvc.perform(validForm(
                        "",
                        "soleTrader",
                        "true",
                        "personalIdentityNumber",
                        "19121212-1212",
                        "companyName",
                        "Tolvans Hantverk"))
                .andExpect(status().is3xxRedirection());

        Document stored = mongo.findOne(
                Query.query(Criteria.where("company.name").is("Tolvans Hantverk")), Document.class, "registrations");
        String id = stored.getString("_id");
        Document company = stored.get("company", Document.class);
        assertThat(company.getBoolean("soleTrader")).isTrue();
        assertThat(company.getString("organisationNumber")).isNull();
        assertThat(company.getString("identityKey")).startsWith("pnr:");
        assertThat(stored.toJson()).doesNotContain("121212");

        String link = link(awaitEvent(id, SUBMITTED), "confirmationLink");
        mvc.perform(pressConfirm(link.substring("http://motesdagen.test".length())))
                .andExpect(status().isOk());
        PublishedEvent confirmed = awaitEvent(id, CONFIRMED);
        assertThat(ContractSchemas.violations(CONFIRMED, confirmed.body())).isEmpty();
        assertThat(confirmed.body()).doesNotContain("121212").contains("\"soleTrader\":true");

        // the same owner again (written the other way): no second registration, the registered contact is told
        mvc.perform(validForm(
                        "",
                        "soleTrader",
                        "true",
                        "personalIdentityNumber",
                        "121212+1212",
                        "companyName",
                        "Tolvan igen"))
                .andExpect(status().is3xxRedirection());
        assertThat(mongo.exists(Query.query(Criteria.where("company.name").is("Tolvan igen")), "registrations"))
                .isFalse();
        assertThat(ContractSchemas.violations(
                        MANAGE_LINK, awaitEvent(id, MANAGE_LINK).body()))
                .isEmpty();
    }

    @Test
    void twoDifferentSoleTradersTakePartTheSameDay() throws Exception {
        // neither has an organisationsnummer: the rule is about who the company is, not about an empty field
        List<String> ids = new ArrayList<>();
        for (String[] owner : List.of(
                new String[] {"19800101-1231", "Bertils Byggtjänst"}, new String[] {"19850505-2343", "Cilla Design"})) {
            mvc.perform(validForm(
                            "", "soleTrader", "true", "personalIdentityNumber", owner[0], "companyName", owner[1]))
                    .andExpect(status().is3xxRedirection());
            String id = mongo.findOne(
                            Query.query(Criteria.where("company.name").is(owner[1])), Document.class, "registrations")
                    .getString("_id");
            mvc.perform(pressConfirm(confirmPathOf(id)))
                    .andExpect(content().string(Matchers.containsString("Anmälan är bekräftad")));
            ids.add(id);
        }
        for (String id : ids) {
            assertThat(mongo.findById(id, Document.class, "registrations").getString("status"))
                    .isEqualTo("CONFIRMED");
        }
    }

    @Test
    void aPersonnummerInTheOrganisationNumberFieldPointsToTheSoleTraderChoice() throws Exception {
        mvc.perform(validForm("19121212-1212"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("ser ut som ett personnummer")));
        mvc.perform(validForm("", "soleTrader", "true"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Fyll i ägarens personnummer")));
    }

    @Test
    void anUnconfirmedRegistrationNeverKeepsTheCompanyOutAndOnlyOneIsConfirmed() throws Exception {
        String orgNr = Companies.newOrganisationNumber();
        // someone who knows the public organisationsnummer registers first and never confirms
        mvc.perform(validForm(orgNr, "email", "obehorig@annan.example")).andExpect(status().is3xxRedirection());
        String squatter = registrationOf(orgNr).getString("_id");

        // the company itself is told what everybody is told: check your e-mail; nothing leaks
        mvc.perform(validForm(orgNr.replace("-", ""), "email", "vd@bolaget.example"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(EVENT + "/tack"));
        String real = mongo.find(byOrgNr(orgNr), Document.class, "registrations").stream()
                .map(d -> d.getString("_id"))
                .filter(id -> !id.equals(squatter))
                .findFirst()
                .orElseThrow();
        mvc.perform(pressConfirm(confirmPathOf(real)))
                .andExpect(content().string(Matchers.containsString("Anmälan är bekräftad")));

        // the first one confirms too late: the company has its registration already, and staff decide
        // (manage/CompanyConflictsIntegrationTests)
        mvc.perform(pressConfirm(confirmPathOf(squatter)))
                .andExpect(content().string(Matchers.containsString("Företaget är redan anmält")));
        assertThat(mongo.find(byOrgNr(orgNr), Document.class, "registrations"))
                .extracting(d -> d.getString("status"))
                .containsExactlyInAnyOrder("CONFIRMED", "CONTESTED");
        awaitOutboxEmpty(squatter);
        assertThat(new TopicReader(bootstrapServers).read("registration.events", squatter))
                .extracting(PublishedEvent::type)
                .containsExactly(SUBMITTED);
    }

    @Test
    void anUnconfirmedRegistrationIsRemovedOnceItsLinkHasExpiredAndNothingElseIs(
            @Autowired UnconfirmedRegistrations sweep) throws Exception {
        String unconfirmed = Companies.newOrganisationNumber();
        String confirmed = Companies.newOrganisationNumber();
        mvc.perform(validForm(unconfirmed)).andExpect(status().is3xxRedirection());
        mvc.perform(validForm(confirmed)).andExpect(status().is3xxRedirection());
        String unconfirmedId = registrationOf(unconfirmed).getString("_id");
        String confirmedId = registrationOf(confirmed).getString("_id");
        mvc.perform(pressConfirm(confirmPathOf(confirmedId)))
                .andExpect(content().string(Matchers.containsString("Anmälan är bekräftad")));
        awaitOutboxEmpty(unconfirmedId);
        awaitOutboxEmpty(confirmedId);
        Instant expires =
                registrationOf(unconfirmed).getDate("confirmationExpiresAt").toInstant();

        // a moment before the link expires nothing goes; after it, only the unconfirmed one
        sweep.removeExpiredBefore(expires);
        assertThat(mongo.exists(byOrgNr(unconfirmed), "registrations")).isTrue();
        sweep.removeExpiredBefore(expires.plusSeconds(1));
        assertThat(mongo.exists(byOrgNr(unconfirmed), "registrations")).isFalse();
        assertThat(registrationOf(confirmed).getString("status")).isEqualTo("CONFIRMED");
    }

    @Test
    void twoConfirmationsOfOneCompanyAtTheSameMomentConfirmOne() throws Exception {
        String orgNr = Companies.newOrganisationNumber();
        for (int i = 0; i < 4; i++) {
            mvc.perform(validForm(orgNr, "email", "kontakt" + i + "@bolaget.example"))
                    .andExpect(status().is3xxRedirection());
        }
        List<String> paths = mongo.find(byOrgNr(orgNr), Document.class, "registrations").stream()
                .map(d -> confirmPathOf(d.getString("_id")))
                .toList();
        var pool = Executors.newFixedThreadPool(paths.size());
        try {
            List<Future<String>> pages = new ArrayList<>();
            for (String path : paths) {
                pages.add(pool.submit(() -> mvc.perform(pressConfirm(path))
                        .andReturn()
                        .getResponse()
                        .getContentAsString()));
            }
            long confirmedPages = 0;
            for (var page : pages) {
                confirmedPages += page.get().contains("Anmälan är bekräftad") ? 1 : 0;
            }
            assertThat(confirmedPages).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(mongo.find(byOrgNr(orgNr), Document.class, "registrations"))
                .filteredOn(d -> "CONFIRMED".equals(d.getString("status")))
                .hasSize(1);
    }

    @Test
    void aSecondRegistrationOfARegisteredCompanyMakesNoDuplicateAndTheRegisteredContactGetsTheManageLink()
            throws Exception {
        String orgNr = Companies.newOrganisationNumber();
        mvc.perform(validForm(orgNr)).andExpect(status().is3xxRedirection());
        String id = registrationOf(orgNr).getString("_id");
        mvc.perform(pressConfirm(confirmPathOf(id)));
        String firstManageUrl = link(awaitEvent(id, CONFIRMED), "manageLink");

        // somebody else, by the form and by the API: answered as any new submission would be
        mvc.perform(validForm(orgNr, "contactName", "Okänd Person", "email", "okand@annat-bolag.example"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(EVENT + "/tack"));
        String location = mvc.perform(post("/api/events/stora-motesdagen-2027/registrations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(apiBody(orgNr, "")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        mvc.perform(get(URI.create(location).getPath()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"));

        // still one registration; the registered contact got a new link, twice, and the one they had still
        // works: a stranger who types the public organisationsnummer cannot take the company's link away
        assertThat(mongo.count(byOrgNr(orgNr), "registrations")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> new TopicReader(bootstrapServers)
                                .read("registration.events", id).stream()
                                        .filter(e -> MANAGE_LINK.equals(e.type()))
                                        .count()
                        == 2);
        PublishedEvent sent = new TopicReader(bootstrapServers)
                .read("registration.events", id).stream()
                        .filter(e -> MANAGE_LINK.equals(e.type()))
                        .reduce((first, second) -> second)
                        .orElseThrow();
        assertThat(ContractSchemas.violations(MANAGE_LINK, sent.body())).isEmpty();
        JsonNode body = json.readTree(sent.body());
        assertThat(body.get("contact").get("email").asString()).isEqualTo("astrid@testbageri.example");
        String newManageUrl = link(sent, "manageLink");
        mvc.perform(get(newManageUrl.substring("http://motesdagen.test".length())))
                .andExpect(content().string(Matchers.containsString("Avboka anmälan")));
        mvc.perform(get(firstManageUrl.substring("http://motesdagen.test".length())))
                .andExpect(content().string(Matchers.containsString("Avboka anmälan")));
        mvc.perform(get("/personal/anmalningar/" + id).with(staff()))
                .andExpect(content().string(Matchers.containsString("Någon försökte anmäla företaget igen")));
    }

    @Test
    void staffTakeARegistrationByPhoneByTheSameRulesConfirmedAtOnce() throws Exception {
        String dayId = "telefon-" + UUID.randomUUID();
        saveDay(dayId, null, null, 1);
        String orgNr = Companies.newOrganisationNumber();
        Function<String, MockHttpServletRequestBuilder> byPhone = consent -> {
            MockHttpServletRequestBuilder form = validForm(
                    orgNr,
                    "attendees[0].sessionIds",
                    "upphandling",
                    "attendees[1].name",
                    null,
                    "attendees[1].sessionIds",
                    null,
                    "attendees[1].needs",
                    null,
                    "consent",
                    consent);
            form.with(request -> {
                request.setRequestURI("/personal/anmalningar/ny");
                request.addParameter("event", dayId);
                return request;
            });
            return form.with(staff());
        };

        mvc.perform(byPhone.apply(null))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Registrera anmälan")));
        assertThat(mongo.exists(byOrgNr(orgNr), "registrations")).isFalse();
        String location = mvc.perform(byPhone.apply("true"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String id = registrationOf(orgNr).getString("_id");
        assertThat(location).isEqualTo("/personal/anmalningar/" + id);
        assertThat(registrationOf(orgNr).getString("status")).isEqualTo("CONFIRMED");
        assertThat(stateOf(dayId, id)).isEqualTo("SEATED");
        PublishedEvent confirmed = awaitEvent(id, CONFIRMED);
        assertThat(ContractSchemas.violations(CONFIRMED, confirmed.body())).isEmpty();
        assertThat(link(confirmed, "manageLink")).contains("/anmalan/hantera?token=");
        awaitOutboxEmpty(id);
        assertThat(new TopicReader(bootstrapServers).read("registration.events", id))
                .extracting(PublishedEvent::type)
                .containsExactly(CONFIRMED);
        mvc.perform(get(location).with(staff()))
                .andExpect(content()
                        .string(Matchers.containsString("Anmäld och bekräftad av personal</span><span>: admin")));

        // the same company again: staff are told, nothing is stored
        mvc.perform(byPhone.apply("true"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("har redan en bekräftad anmälan")));
        assertThat(mongo.count(byOrgNr(orgNr), "registrations")).isEqualTo(1);
        // and the public cannot use the staff's way in
        mvc.perform(post("/personal/anmalningar/ny").with(csrf()).param("event", dayId))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aLostConfirmEmailIsSentAgainWithANewLinkAndTheOldOneStillWorksSoNobodyElseCanBreakIt() throws Exception {
        String orgNr = Companies.newOrganisationNumber();
        mvc.perform(validForm(orgNr, "email", "Glomsk@Bolaget.example")).andExpect(status().is3xxRedirection());
        String id = registrationOf(orgNr).getString("_id");
        String oldPath = confirmPathOf(id);

        mvc.perform(get(EVENT + "/skicka-igen"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Skicka en ny länk")));
        mvc.perform(post(EVENT + "/skicka-igen").with(csrf()).param("email", "inte-en-adress"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("namn@exempel.se")));
        // the same answer for an address that registered nothing
        mvc.perform(post(EVENT + "/skicka-igen").with(csrf()).param("email", "okand@nagon.example"))
                .andExpect(redirectedUrl(EVENT + "/skicka-igen/skickat"));
        mvc.perform(post(EVENT + "/skicka-igen").with(csrf()).param("email", " glomsk@bolaget.EXAMPLE "))
                .andExpect(redirectedUrl(EVENT + "/skicka-igen/skickat"));
        mvc.perform(get(EVENT + "/skicka-igen/skickat"))
                .andExpect(content().string(Matchers.containsString("Titta i din e-post")));

        List<PublishedEvent> links = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> new TopicReader(bootstrapServers).read("registration.events", id),
                        published -> published.size() == 2);
        assertThat(links).extracting(PublishedEvent::type).containsExactly(SUBMITTED, SUBMITTED);
        assertThat(ContractSchemas.violations(SUBMITTED, links.get(1).body())).isEmpty();
        String newPath = link(links.get(1), "confirmationLink").substring("http://motesdagen.test".length());
        assertThat(newPath).isNotEqualTo(oldPath);

        // anyone who knows the address can ask for a new link, as often as they like: at most five a day
        // are made (as many as are mailed to one address), and the person's own link keeps working
        for (int i = 0; i < 5; i++) {
            mvc.perform(post(EVENT + "/skicka-igen").with(csrf()).param("email", "glomsk@bolaget.example"))
                    .andExpect(redirectedUrl(EVENT + "/skicka-igen/skickat"));
        }
        mvc.perform(get(oldPath)).andExpect(content().string(Matchers.containsString("Bekräfta anmälan")));
        mvc.perform(pressConfirm(oldPath)).andExpect(content().string(Matchers.containsString("Anmälan är bekräftad")));
        mvc.perform(get(newPath)).andExpect(content().string(Matchers.containsString("redan bekräftad")));
        // nothing left to confirm: asking again sends nothing
        mvc.perform(post(EVENT + "/skicka-igen").with(csrf()).param("email", "glomsk@bolaget.example"))
                .andExpect(redirectedUrl(EVENT + "/skicka-igen/skickat"));
        awaitOutboxEmpty(id);
        assertThat(new TopicReader(bootstrapServers).read("registration.events", id))
                .extracting(PublishedEvent::type)
                .as("five confirm links in a day, the submission's included: past the cap a request changes nothing")
                .containsExactly(SUBMITTED, SUBMITTED, SUBMITTED, SUBMITTED, SUBMITTED, CONFIRMED);
    }

    @Test
    void theHoneypotIsThankedButNothingIsStored() throws Exception {
        String orgNr = Companies.newOrganisationNumber();

        mvc.perform(validForm(orgNr).param("website", "http://spam.example")).andExpect(status().is3xxRedirection());

        assertThat(mongo.exists(byOrgNr(orgNr), "registrations")).isFalse();
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post(EVENT).param("companyName", "X")).andExpect(status().isForbidden());
    }

    @Test
    void linksThatAreNotOursSaySoWithoutChangingAnything() throws Exception {
        mvc.perform(get("/anmalan/bekrafta").param("token", "x".repeat(43)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Länken fungerar inte")));
        mvc.perform(get("/anmalan/bekrafta"))
                .andExpect(content().string(Matchers.containsString("Länken fungerar inte")));
    }
}
