package se.motesdagen.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.bson.Document;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import se.motesdagen.platform.security.LinkSeal;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.ContractSchemas;
import se.motesdagen.platform.test.TopicReader;
import se.motesdagen.platform.test.TopicReader.PublishedEvent;
import se.motesdagen.registration.erasure.RetentionPeriod;
import se.motesdagen.registration.manage.CancelledSeats;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.seats.Seats;
import se.motesdagen.registration.signup.AttendeeForm;
import se.motesdagen.registration.signup.RegistrationForm;
import se.motesdagen.registration.signup.Signups;
import se.motesdagen.registration.signup.SubmitOutcome;
import se.motesdagen.registration.signup.UnconfirmedRegistrations;
import se.motesdagen.registration.support.Companies;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registration service as a whole: form → stored → RegistrationSubmitted on Kafka → link →
 * RegistrationConfirmed. Subclasses decide which Kafka and MongoDB it runs against.
 */
@SpringBootTest(
        properties = {
            "motesdagen.seed-demo-day=true",
            "motesdagen.outbox.poll-interval=50ms",
            // events must go out through the save hints alone; the full scan is tested in OutboxRelayTests
            "motesdagen.outbox.full-scan-interval=PT1H",
            "motesdagen.public-base-url=http://motesdagen.test",
            // every test posts from the same address; the limit itself is tested in RateLimiterTests
            "motesdagen.rate-limit.submissions=1000"
        })
@AutoConfigureMockMvc
abstract class RegistrationJourneyTests {

    static final String EVENT = "/evenemang/stora-motesdagen-2027";
    static final String SUBMITTED = "se.motesdagen.registration.submitted.v2";
    static final String CONFIRMED = "se.motesdagen.registration.confirmed.v2";
    static final String PROMOTED = "se.motesdagen.registration.waitlist-promoted.v1";
    static final String CANCELLED = "se.motesdagen.registration.cancelled.v1";
    static final String ATTENDED = "se.motesdagen.registration.attendance-recorded.v1";
    static final String ERASED = "se.motesdagen.registration.erased.v1";
    static final String MANAGE_LINK = "se.motesdagen.registration.manage-link-sent.v2";
    static final String UPDATED = "se.motesdagen.registration.updated.v1";

    @Autowired
    MockMvc mvc;

    @Autowired
    LinkSeal seal;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    JsonMapper json;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

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

    private void saveDay(String id, Instant opens, Instant closes) {
        saveDay(id, opens, closes, 30);
    }

    private void saveDay(String id, Instant opens, Instant closes, int capacity) {
        saveDay(id, LocalDate.of(2027, 9, 1), opens, closes, capacity);
    }

    private void saveDay(String id, LocalDate date, Instant opens, Instant closes, int capacity) {
        mongo.save(new Day(
                id,
                "Dag " + id,
                date,
                LocalTime.of(9, 0),
                LocalTime.of(12, 0),
                "Stadshuset, Nyköping",
                "En dag för tester.",
                List.of(new Day.Session(
                        "upphandling",
                        "Upphandling",
                        "Om upphandling.",
                        LocalTime.of(9, 30),
                        LocalTime.of(10, 30),
                        "Sal A",
                        capacity)),
                opens,
                closes));
    }

    @Test
    void theStartPageLeadsToTheNextEvent() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(EVENT));
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

        // the first one confirms too late: the company has its registration already
        mvc.perform(pressConfirm(confirmPathOf(squatter)))
                .andExpect(content().string(Matchers.containsString("Företaget är redan anmält")));
        assertThat(mongo.find(byOrgNr(orgNr), Document.class, "registrations"))
                .extracting(d -> d.getString("status"))
                .containsExactlyInAnyOrder("CONFIRMED", "PENDING");
        awaitOutboxEmpty(squatter);
        assertThat(new TopicReader(bootstrapServers).read("registration.events", squatter))
                .extracting(PublishedEvent::type)
                .containsExactly(SUBMITTED);
    }

    @Test
    void theIndexOfTheOldRuleIsDroppedFromExistingData(@Autowired ApplicationContext context) throws Exception {
        var indexes = mongo.indexOps("registrations");
        indexes.createIndex(new Index()
                .on("eventId", Sort.Direction.ASC)
                .on("company.organisationNumber", Sort.Direction.ASC)
                // not unique here: the shared test data already holds what the old rule refused
                .named("one_registration_per_company_and_event"));

        context.publishEvent(new ApplicationReadyEvent(
                new SpringApplication(), new String[0], (ConfigurableApplicationContext) context, Duration.ZERO));

        assertThat(indexes.getIndexInfo())
                .extracting(IndexInfo::getName)
                .doesNotContain("one_registration_per_company_and_event");
        String orgNr = Companies.newOrganisationNumber();
        mvc.perform(validForm(orgNr)).andExpect(status().is3xxRedirection());
        mvc.perform(validForm(orgNr)).andExpect(status().is3xxRedirection());
    }

    @Test
    void dataStoredUnderTheOldNamesOfTheDayIsMovedToTheNewOnesAtStartAndAgainChangesNothing(
            @Autowired ApplicationContext context, @Autowired Programme programme) throws Exception {
        String dayId = "gammal-dag-" + UUID.randomUUID();
        String registrationId = UUID.randomUUID().toString();
        Document day = mongo.findById("stora-motesdagen-2027", Document.class, "days");
        day.put("_id", dayId);
        mongo.insert(day, "events");
        mongo.insert(
                new Document("_id", registrationId)
                        .append("eventId", dayId)
                        .append("status", "CANCELLED")
                        .append("company", new Document("name", "Gamla Namn AB")),
                "registrations");
        mongo.indexOps("registrations")
                .createIndex(new Index().on("eventId", Sort.Direction.ASC).named("by_event"));
        InitializingBean upgrades = context.getBean("storedDataUpgrades", InitializingBean.class);

        upgrades.afterPropertiesSet();
        upgrades.afterPropertiesSet();

        assertThat(mongo.collectionExists("events")).isFalse();
        assertThat(programme.day(dayId)).get().extracting(Day::name).isEqualTo(day.getString("name"));
        Document registration = mongo.findById(registrationId, Document.class, "registrations");
        assertThat(registration.getString("dayId")).isEqualTo(dayId);
        assertThat(registration.containsKey("eventId")).isFalse();
        assertThat(mongo.indexOps("registrations").getIndexInfo())
                .extracting(IndexInfo::getName)
                .doesNotContain("by_event")
                .contains("by_day_and_contact", "by_day_and_time");
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
                        get("/personal/anmalningar").param("event", dayId).with(httpBasic("personal", "motesdagen")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(staffPage.replaceAll("\\s+", " "))
                .contains("<meter min=\"0\" max=\"1\" value=\"1\"")
                .contains(
                        "<td class=\"number\">1</td> <td class=\"number\">0</td> <td class=\"number\">0</td> <td class=\"number\">1</td>");
    }

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
    void whatBecameOfItsMailsIsOnTheTimelineOnceAndABouncedContactAddressIsMarkedForStaff() throws Exception {
        String orgNr = Companies.newOrganisationNumber();
        mvc.perform(validForm(orgNr)).andExpect(status().is3xxRedirection());
        Document registration = registrationOf(orgNr);
        String id = registration.getString("_id");
        String contact = registration.get("contact", Document.class).getString("email");
        String sent = CloudEventProducer.example("se.motesdagen.notification.email-sent.v1")
                .replace("0f8fad5b-d9cb-469f-a165-70867728950e", id)
                .replace("astrid@testbageri.example", contact);
        String bounced = CloudEventProducer.example("se.motesdagen.notification.email-bounced.v1")
                .replace("0f8fad5b-d9cb-469f-a165-70867728950e", id)
                .replace("astrid@testbageri.example", contact);

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            String once = UUID.randomUUID().toString();
            producer.send("notification.events", once, "se.motesdagen.notification.email-sent.v1", id, sent);
            producer.send("notification.events", once, "se.motesdagen.notification.email-sent.v1", id, sent);
            producer.send(
                    "notification.events",
                    UUID.randomUUID().toString(),
                    "se.motesdagen.notification.email-bounced.v1",
                    id,
                    bounced);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> registrationOf(orgNr).get("contactUnreachable") != null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> registrationOf(orgNr).getList("history", Document.class).stream()
                        .anyMatch(h -> "MAIL_SENT".equals(h.getString("kind"))));
        List<String> kinds = registrationOf(orgNr).getList("history", Document.class).stream()
                .map(h -> h.getString("kind"))
                .toList();
        assertThat(kinds)
                .filteredOn("MAIL_SENT"::equals)
                .as("the same event twice, one entry")
                .hasSize(1);
        assertThat(kinds).filteredOn("MAIL_BOUNCED"::equals).hasSize(1);
        assertThat(registrationOf(orgNr)
                        .get("contactUnreachable", Document.class)
                        .getString("reason"))
                .startsWith("5.1.1");
        mvc.perform(get("/personal/anmalningar/" + id).with(staff()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Mejl skickat</span><span>: bekräftelse")))
                .andExpect(content().string(Matchers.containsString("Mejl studsade</span><span>: bekräftelse")))
                .andExpect(content().string(Matchers.containsString("E-post till adressen kommer inte fram")));
    }

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
                        .string(Matchers.containsString("Per &lt;img src=x onerror=alert(1)&gt; Persson (personal)")));
    }

    @Test
    void staffEraseARegistrationOnRequestAndOnlyWhatIsPersonalGoes() throws Exception {
        String dayId = "radering-" + UUID.randomUUID();
        saveDay(dayId, null, null, 1);
        String orgNr = Companies.newOrganisationNumber();
        String erased = submitTo(dayId, orgNr);
        String waiting = submitTo(dayId, Companies.newOrganisationNumber());
        mvc.perform(pressConfirm(confirmPathOf(erased)));
        mvc.perform(pressConfirm(confirmPathOf(waiting)));
        awaitOutboxEmpty(erased);
        String detail = "/personal/anmalningar/" + erased;

        mvc.perform(post(detail + "/radera").with(csrf()).with(staff())).andExpect(status().is3xxRedirection());
        assertThat(mongo.findById(erased, Document.class, "registrations").get("erasedAt"))
                .isNull();

        mvc.perform(post(detail + "/radera").with(csrf()).with(staff()).param("sure", "true"))
                .andExpect(status().is3xxRedirection());

        Document stored = mongo.findById(erased, Document.class, "registrations");
        assertThat(stored.get("erasedAt")).isNotNull();
        assertThat(stored.toJson())
                .doesNotContain("Astrid")
                .doesNotContain("testbageri.example")
                .doesNotContain("070-123")
                .doesNotContain("manageTokenHash");
        // what the statistics need stays: the company (an aktiebolag is not a person), the count, the sessions
        assertThat(stored.get("company", Document.class).getString("organisationNumber"))
                .isEqualTo(orgNr);
        assertThat(stored.getInteger("attendees")).isEqualTo(1);
        assertThat(stored.getString("status")).isEqualTo("CONFIRMED");
        assertThat(stored.getList("history", Document.class))
                .extracting(h -> h.getString("kind"))
                .endsWith("ERASED");
        // the seat went to the next in line, and everyone else hears of the erasure, with nothing personal in it
        assertThat(stateOf(dayId, erased)).isNull();
        assertThat(stateOf(dayId, waiting)).isEqualTo("SEATED");
        PublishedEvent erasure = awaitEvent(erased, ERASED);
        assertThat(ContractSchemas.violations(ERASED, erasure.body())).isEmpty();
        assertThat(erasure.body()).doesNotContain("Astrid").doesNotContain(orgNr);
        assertThat(mvc.perform(get(detail).with(staff()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Personuppgifterna raderade")
                .doesNotContain("astrid@testbageri.example")
                .doesNotContain("Astrid");
    }

    @Test
    void registrationsOfADayLongerAgoThanTheRetentionPeriodAreErasedAndNoOthers(@Autowired RetentionPeriod retention)
            throws Exception {
        String old = "gammal-dag-" + UUID.randomUUID();
        saveDay(old, LocalDate.of(2020, 5, 1), null, null, 30);
        String orgNr = Companies.newOrganisationNumber();
        String id = submitTo(old, orgNr);
        awaitOutboxEmpty(id);

        // 24 months after 1 May 2020 is 1 May 2022: kept that day, erased the day after
        assertThat(retention.eraseExpired(LocalDate.of(2022, 5, 1))).isZero();
        assertThat(retention.eraseExpired(LocalDate.of(2022, 5, 2))).isEqualTo(1);
        assertThat(mongo.findById(id, Document.class, "registrations").toJson()).doesNotContain("Astrid");
        assertThat(json.readTree(awaitEvent(id, ERASED).body()).get("reason").asString())
                .isEqualTo("retention");
        assertThat(retention.eraseExpired(LocalDate.of(2022, 5, 3))).isZero();
    }

    private static RequestPostProcessor staff() {
        return httpBasic("personal", "motesdagen");
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

        // still one registration; the registered contact got a new link, twice, and the old one stopped working
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
                .andExpect(content().string(Matchers.containsString("Länken fungerar inte")));
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
                        .string(Matchers.containsString("Anmäld och bekräftad av personal</span><span>: personal")));

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

    /** Registers the company, one attendee, for the day's one session; returns the new registration's id. */
    private String submitTo(String dayId, String orgNr) throws Exception {
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
                null);
        mvc.perform(form).andExpect(status().is3xxRedirection());
        return mongo.findOne(
                        byOrgNr(orgNr).addCriteria(Criteria.where("status").is("PENDING")),
                        Document.class,
                        "registrations")
                .getString("_id");
    }

    private String stateOf(String dayId, String registrationId) {
        return mongo
                .findById(dayId + "/upphandling", Document.class, "seats")
                .getList("places", Document.class)
                .stream()
                .filter(p -> registrationId.equals(p.getString("registrationId")))
                .map(p -> p.getString("state"))
                .findFirst()
                .orElse(null);
    }

    @FunctionalInterface
    interface Work<T, R> {
        R apply(T item) throws Exception;
    }

    /** Runs the work for every item on 32 threads at once and returns the answers in the items' order. */
    private static <T, R> List<R> inParallel(List<T> items, Work<T, R> work) throws Exception {
        var pool = Executors.newFixedThreadPool(32);
        try {
            var start = new CountDownLatch(1);
            List<Future<R>> answers = new ArrayList<>();
            for (T item : items) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return work.apply(item);
                }));
            }
            start.countDown();
            List<R> results = new ArrayList<>();
            for (var answer : answers) {
                results.add(answer.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLostConfirmEmailIsSentAgainWithANewLinkAndTheOldOneStopsWorking() throws Exception {
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

        mvc.perform(get(oldPath)).andExpect(content().string(Matchers.containsString("Länken fungerar inte")));
        mvc.perform(pressConfirm(newPath)).andExpect(content().string(Matchers.containsString("Anmälan är bekräftad")));
        // nothing left to confirm: asking again sends nothing
        mvc.perform(post(EVENT + "/skicka-igen").with(csrf()).param("email", "glomsk@bolaget.example"))
                .andExpect(redirectedUrl(EVENT + "/skicka-igen/skickat"));
        awaitOutboxEmpty(id);
        assertThat(new TopicReader(bootstrapServers).read("registration.events", id))
                .extracting(PublishedEvent::type)
                .containsExactly(SUBMITTED, SUBMITTED, CONFIRMED);
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
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("website"));
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

    @Test
    void aPathNobodyOpenedToThePublicNeedsAStaffLogin() throws Exception {
        mvc.perform(get("/nagot-nytt-som-ingen-oppnat")).andExpect(status().isUnauthorized());
        mvc.perform(post("/nagot-nytt-som-ingen-oppnat")).andExpect(status().isForbidden());
    }

    @Test
    void failedStaffLoginsFromOneClientAreThrottledEvenWhenItFinallyGuessesRight() throws Exception {
        RequestPostProcessor guesser = request -> {
            request.setRemoteAddr("203.0.113.9");
            return request;
        };
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/personal/anmalningar")
                            .with(httpBasic("personal", "gissning-" + i))
                            .with(guesser))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/personal/anmalningar")
                        .with(httpBasic("personal", "motesdagen"))
                        .with(guesser))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        mvc.perform(get("/personal/anmalningar").with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isOk());
    }

    private static String apiBody(String orgNr, String padding) {
        return """
                {"companyName":"API-bolaget AB%s","organisationNumber":"%s","contactName":"Per Persson",
                 "email":"per@api-bolaget.example","consent":true,
                 "attendees":[{"name":"Per Persson","sessionIds":["upphandling"]},
                              {"name":"Pia Persson","role":"Inköpare","sessionIds":["upphandling"]},
                              {"name":"Pål Persson","needs":"Hörslinga"}]}
                """.formatted(padding, orgNr);
    }

    @Test
    void staffFindRegistrationsByNameNumberOrAddressFilterByStatusAndPage() throws Exception {
        String snickeri = Companies.newOrganisationNumber();
        String bageri = Companies.newOrganisationNumber();
        mvc.perform(validForm(snickeri, "companyName", "Sökbara Snickeriet AB", "email", "Sok@Snickeriet.example"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(validForm(bageri, "companyName", "Sökbara Bageriet AB", "email", "info@bageriet.example"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(pressConfirm(confirmPathOf(registrationOf(snickeri).getString("_id"))))
                .andExpect(status().isOk());

        assertThat(staffSearch("q", "SÖKBARA")).contains("Sökbara Snickeriet AB", "Sökbara Bageriet AB", "2 träffar");
        assertThat(staffSearch("q", snickeri.replace("-", "")))
                .contains("Sökbara Snickeriet AB", "1 träff")
                .doesNotContain("Sökbara Bageriet AB");
        assertThat(staffSearch("q", "sok@snickeriet"))
                .contains("Sökbara Snickeriet AB")
                .doesNotContain("Bageriet");
        assertThat(staffSearch("q", "sökbara", "status", "PENDING"))
                .contains("Sökbara Bageriet AB")
                .doesNotContain("Sökbara Snickeriet AB");
        // what a search box gets typed into it is text, never a pattern or markup
        assertThat(staffSearch("q", ".*")).contains("Inga träffar");
        assertThat(staffSearch("q", "<script>alert(1)</script>"))
                .contains("&lt;script&gt;")
                .doesNotContain("<script>alert(1)</script>");

        String first = staffSearch("q", "Sökbara", "size", "1");
        assertThat(first).contains("Sida 1 av 2", "Sökbara Bageriet AB").doesNotContain("Sökbara Snickeriet AB");
        assertThat(first).contains("page=1");
        assertThat(staffSearch("q", "Sökbara", "size", "1", "page", "1"))
                .contains("Sida 2 av 2", "Sökbara Snickeriet AB")
                .doesNotContain("Sökbara Bageriet AB");
    }

    @Test
    void staffExportTheirSearchAsACsvFileThatExcelReadsAndCannotBeTrickedBy() throws Exception {
        String orgNr = Companies.newOrganisationNumber();
        mvc.perform(validForm(
                        orgNr,
                        "companyName",
                        "=HYPERLINK(\"http://elak.example\";\"Åkes\")",
                        "contactName",
                        "Åsa Öberg",
                        "email",
                        "asa@exportbolaget.example"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/personal/anmalningar.csv")).andExpect(status().isUnauthorized());
        var response = mvc.perform(get("/personal/anmalningar.csv")
                        .param("q", "asa@exportbolaget")
                        .with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.startsWith("text/csv")))
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"anmalningar-stora-motesdagen-2027.csv\""))
                .andReturn()
                .getResponse();
        String csv = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines.getFirst()).startsWith("\uFEFFFöretag;Organisationsnummer;Kontaktperson;E-post");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1))
                .startsWith("\"'=HYPERLINK(\"\"http://elak.example\"\";\"\"Åkes\"\")\";" + orgNr + ";Åsa Öberg;")
                .contains("Kompetensförsörjning")
                .contains("Väntar på bekräftelse");

        // the same search as an Excel workbook: the formula stays text, the attendees get their own sheet
        byte[] xlsx = mvc.perform(get("/personal/anmalningar.xlsx")
                        .param("q", "asa@exportbolaget")
                        .with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"anmalningar-stora-motesdagen-2027.xlsx\""))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly("Anmälningar", "Deltagare");
            List<Row> registrations = sheets.get(0).read();
            assertThat(registrations).hasSize(2);
            var company = registrations.get(1).getCell(0);
            assertThat(company.getType()).isEqualTo(CellType.STRING);
            assertThat(company.getRawValue()).isEqualTo("=HYPERLINK(\"http://elak.example\";\"Åkes\")");
            assertThat(registrations.get(1).getCellText(2)).isEqualTo("Åsa Öberg");
            List<Row> attendees = sheets.get(1).read();
            assertThat(attendees).hasSize(3);
            assertThat(attendees.get(2).getCellText(1)).isEqualTo("Per Persson");
            assertThat(attendees.get(2).getCellText(5)).isEqualTo("Glutenfri kost");
        }
    }

    @Test
    void staffFilterBySessionAndVisitWishAndSortByCompany() throws Exception {
        String dayId = "filter-" + UUID.randomUUID();
        saveDay(dayId, null, null, 30);
        String withVisit = Companies.newOrganisationNumber();
        MockHttpServletRequestBuilder form = validFormFor(
                dayId,
                withVisit,
                "companyName",
                "Örebro Besök AB",
                "attendees[0].sessionIds",
                "upphandling",
                "attendees[1].sessionIds",
                null,
                "wantsVisit",
                "true",
                "visitAddress",
                "Vägen 1, Nyköping",
                "visitTopics",
                "Bygglov");
        mvc.perform(form).andExpect(status().is3xxRedirection());
        String without = Companies.newOrganisationNumber();
        MockHttpServletRequestBuilder other = validFormFor(
                dayId,
                without,
                "companyName",
                "Alfa Utan Besök AB",
                "attendees[0].sessionIds",
                null,
                "attendees[1].sessionIds",
                null);
        mvc.perform(other).andExpect(status().is3xxRedirection());

        assertThat(staffSearch("event", dayId, "visit", "true"))
                .contains("Örebro Besök AB")
                .doesNotContain("Alfa Utan");
        assertThat(staffSearch("event", dayId, "visit", "false"))
                .contains("Alfa Utan")
                .doesNotContain("Örebro Besök");
        assertThat(staffSearch("event", dayId, "session", "upphandling"))
                .contains("Örebro Besök")
                .doesNotContain("Alfa Utan");
        // Swedish order: å before ä before ö, all after z, whatever the case
        for (String company : List.of("Ängsbacken AB", "åkeriet i Tystberga AB", "Zeta Konsult AB")) {
            mvc.perform(validFormFor(
                            dayId,
                            Companies.newOrganisationNumber(),
                            "companyName",
                            company,
                            "attendees[0].sessionIds",
                            null,
                            "attendees[1].sessionIds",
                            null))
                    .andExpect(status().is3xxRedirection());
        }
        String byCompany = staffSearch("event", dayId, "sort", "company");
        assertThat(List.of("Alfa Utan", "Zeta Konsult", "åkeriet i Tystberga", "Ängsbacken", "Örebro Besök"))
                .isSortedAccordingTo(Comparator.comparingInt(byCompany::indexOf))
                .allSatisfy(name -> assertThat(byCompany).contains(name));
    }

    private String staffSearch(String... params) throws Exception {
        var request = get("/personal/anmalningar").with(httpBasic("personal", "motesdagen"));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theStaffListNeedsALoginAndShowsTheRegistrations() throws Exception {
        String orgNr = Companies.newOrganisationNumber();
        mvc.perform(validForm(orgNr, "companyName", "Listbolaget AB")).andExpect(status().is3xxRedirection());

        mvc.perform(get("/personal/anmalningar")).andExpect(status().isUnauthorized());
        mvc.perform(get("/personal/anmalningar").with(httpBasic("personal", "fel-losenord")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/personal/anmalningar").with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Listbolaget AB")))
                .andExpect(content().string(Matchers.containsString(orgNr)));
    }

    @Test
    void healthAndABusinessCounterAreExposed() throws Exception {
        mvc.perform(validForm(Companies.newOrganisationNumber())).andExpect(status().is3xxRedirection());

        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("motesdagen_registrations_submitted_total")));
    }

    /**
     * A form that passes every rule: two attendees, the first in two sessions, the second in one. Pairs
     * of name and value replace the defaults (a comma separates several values; null drops the field).
     */
    private MockHttpServletRequestBuilder validForm(String orgNr, String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("companyName", "Nyköpings Testbageri AB");
        fields.put("organisationNumber", orgNr);
        fields.put("contactName", "Astrid Exempelsson");
        fields.put("email", "astrid@testbageri.example");
        fields.put("phone", "070-123 45 67");
        fields.put("attendees[0].name", "Astrid Exempelsson");
        fields.put("attendees[0].role", "VD");
        fields.put("attendees[0].sessionIds", "kompetensforsorjning,upphandling");
        fields.put("attendees[1].name", "Per Persson");
        fields.put("attendees[1].sessionIds", "upphandling");
        fields.put("attendees[1].needs", "Glutenfri kost");
        fields.put("consent", "true");
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder request = post(EVENT).with(csrf());
        fields.forEach((name, value) -> {
            if (value != null) {
                request.param(name, value.split(","));
            }
        });
        return request;
    }

    /** The valid form, posted to another day's page. */
    private MockHttpServletRequestBuilder validFormFor(String dayId, String orgNr, String... overrides) {
        return validForm(orgNr, overrides).with(request -> {
            request.setRequestURI("/evenemang/" + dayId);
            return request;
        });
    }

    private static Query byOrgNr(String orgNr) {
        return Query.query(Criteria.where("company.organisationNumber").is(orgNr));
    }

    private Document registrationOf(String orgNr) {
        Document found = mongo.findOne(byOrgNr(orgNr), Document.class, "registrations");
        assertThat(found).as("registration for %s", orgNr).isNotNull();
        return found;
    }

    private PublishedEvent awaitEvent(String registrationId, String type) {
        TopicReader reader = new TopicReader(bootstrapServers);
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> reader.read("registration.events", registrationId).stream()
                                .filter(e -> type.equals(e.type()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** What the button on the confirm link's page sends. */
    private static MockHttpServletRequestBuilder pressConfirm(String confirmPath) {
        return post("/anmalan/bekrafta")
                .with(csrf())
                .param("token", confirmPath.substring(confirmPath.indexOf("token=") + "token=".length()));
    }

    /** The confirm link of the registration's latest RegistrationSubmitted, as a path. */
    private String confirmPathOf(String registrationId) {
        PublishedEvent submitted = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> new TopicReader(bootstrapServers)
                                .read("registration.events", registrationId).stream()
                                        .filter(e -> SUBMITTED.equals(e.type()))
                                        .reduce((first, second) -> second),
                        Optional::isPresent)
                .orElseThrow();
        return link(submitted, "confirmationLink").substring("http://motesdagen.test".length());
    }

    /** The secret link an event carries sealed for the notification service, opened as that service does. */
    private String link(PublishedEvent event, String field) {
        String sealed = json.readTree(event.body()).get(field).asString();
        assertThat(sealed).startsWith("seal1.").doesNotContain("token");
        return seal.open(sealed, event.key());
    }

    private void awaitOutboxEmpty(String registrationId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(registrationId, Document.class, "registrations")
                        .getList("outbox", Document.class)
                        .isEmpty());
    }
}
