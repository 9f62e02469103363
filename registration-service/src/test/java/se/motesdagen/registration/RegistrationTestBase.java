package se.motesdagen.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import se.motesdagen.platform.security.LinkSeal;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.platform.test.TestInfrastructure;
import se.motesdagen.platform.test.TopicReader;
import se.motesdagen.platform.test.TopicReader.PublishedEvent;
import se.motesdagen.registration.programme.Day;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registration service as a whole, for the integration tests of each feature: one Spring context
 * for all of them, on the infrastructure of the run (TestInfrastructure: embedded by default, real Kafka
 * and MongoDB in containers in the build's second run), with the helpers they share.
 */
@Import(StaffTokens.Decoder.class)
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
@ExtendWith(TestInfrastructure.class)
public abstract class RegistrationTestBase {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "registration");
    }

    protected static final String EVENT = "/evenemang/stora-motesdagen-2027";

    protected static final String SUBMITTED = "se.motesdagen.registration.submitted.v2";

    protected static final String CONFIRMED = "se.motesdagen.registration.confirmed.v2";

    protected static final String PROMOTED = "se.motesdagen.registration.waitlist-promoted.v1";

    protected static final String CANCELLED = "se.motesdagen.registration.cancelled.v1";

    protected static final String ATTENDED = "se.motesdagen.registration.attendance-recorded.v1";

    protected static final String ERASED = "se.motesdagen.registration.erased.v1";

    protected static final String MANAGE_LINK = "se.motesdagen.registration.manage-link-sent.v2";

    protected static final String UPDATED = "se.motesdagen.registration.updated.v1";

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected LinkSeal seal;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected JsonMapper json;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    protected void saveDay(String id, Instant opens, Instant closes) {
        saveDay(id, opens, closes, 30);
    }

    protected void saveDay(String id, Instant opens, Instant closes, int capacity) {
        saveDay(id, LocalDate.of(2027, 9, 1), opens, closes, capacity);
    }

    protected void saveDay(String id, LocalDate date, Instant opens, Instant closes, int capacity) {
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

    protected static RequestPostProcessor staff() {
        return StaffTokens.as(StaffRole.ADMIN);
    }

    /** Registers the company, one attendee, for the day's one session; returns the new registration's id. */
    protected String submitTo(String dayId, String orgNr) throws Exception {
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

    protected String stateOf(String dayId, String registrationId) {
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
    protected interface Work<T, R> {
        R apply(T item) throws Exception;
    }

    /** Runs the work for every item on 32 threads at once and returns the answers in the items' order. */
    protected static <T, R> List<R> inParallel(List<T> items, Work<T, R> work) throws Exception {
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

    protected static String apiBody(String orgNr, String padding) {
        return """
                {"companyName":"API-bolaget AB%s","organisationNumber":"%s","contactName":"Per Persson",
                 "email":"per@api-bolaget.example","consent":true,
                 "attendees":[{"name":"Per Persson","sessionIds":["upphandling"]},
                              {"name":"Pia Persson","role":"Inköpare","sessionIds":["upphandling"]},
                              {"name":"Pål Persson","needs":"Hörslinga"}]}
                """.formatted(padding, orgNr);
    }

    protected String staffSearch(String... params) throws Exception {
        var request = get("/personal/anmalningar").with(StaffTokens.as(StaffRole.ADMIN));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /**
     * A form that passes every rule: two attendees, the first in two sessions, the second in one. Pairs
     * of name and value replace the defaults (a comma separates several values; null drops the field).
     */
    protected MockHttpServletRequestBuilder validForm(String orgNr, String... overrides) {
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
    protected MockHttpServletRequestBuilder validFormFor(String dayId, String orgNr, String... overrides) {
        return validForm(orgNr, overrides).with(request -> {
            request.setRequestURI("/evenemang/" + dayId);
            return request;
        });
    }

    protected static Query byOrgNr(String orgNr) {
        return Query.query(Criteria.where("company.organisationNumber").is(orgNr));
    }

    protected Document registrationOf(String orgNr) {
        Document found = mongo.findOne(byOrgNr(orgNr), Document.class, "registrations");
        assertThat(found).as("registration for %s", orgNr).isNotNull();
        return found;
    }

    protected PublishedEvent awaitEvent(String registrationId, String type) {
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
    protected static MockHttpServletRequestBuilder pressConfirm(String confirmPath) {
        return post("/anmalan/bekrafta")
                .with(csrf())
                .param("token", confirmPath.substring(confirmPath.indexOf("token=") + "token=".length()));
    }

    /** The confirm link of the registration's latest RegistrationSubmitted, as a path. */
    protected String confirmPathOf(String registrationId) {
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
    protected String link(PublishedEvent event, String field) {
        String sealed = json.readTree(event.body()).get(field).asString();
        assertThat(sealed).startsWith("seal1.").doesNotContain("token");
        return seal.open(sealed, event.key());
    }

    protected void awaitOutboxEmpty(String registrationId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(registrationId, Document.class, "registrations")
                        .getList("outbox", Document.class)
                        .isEmpty());
    }
}
