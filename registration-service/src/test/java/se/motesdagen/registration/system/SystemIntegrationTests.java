package se.motesdagen.registration.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import se.motesdagen.platform.test.ConsumerWiring;
import se.motesdagen.registration.RegistrationTestBase;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.support.Companies;

/** What the service is as a whole: fail-closed security, the login throttle, health and metrics, upgrades of stored data. */
class SystemIntegrationTests extends RegistrationTestBase {

    @Test
    void everyConsumerHasItsDeadLetterTopicAndSendsABrokenEventThereAtOnce(
            @Autowired BindingServiceProperties bindings, @Autowired Environment environment) {
        assertThat(ConsumerWiring.consumers(bindings))
                .containsExactly("feedbackEvents-in-0", "notificationEvents-in-0", "visitEvents-in-0");
        assertThat(ConsumerWiring.problems(bindings, environment)).isEmpty();
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
    void aPathNobodyOpenedToThePublicNeedsAStaffLogin() throws Exception {
        mvc.perform(get("/nagot-nytt-som-ingen-oppnat")).andExpect(status().isUnauthorized());
        mvc.perform(post("/nagot-nytt-som-ingen-oppnat")).andExpect(status().isForbidden());
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

    @Test
    void aRequestIsObservedOnceNotOncePerSecurityFilterOrStoreCommand() throws Exception {
        mvc.perform(get("/evenemang/stora-motesdagen-2027")).andExpect(status().isOk());

        // a span and a timer around every filter of the security chain cost a cached page 40 % of its CPU;
        // a timer per store command makes the driver copy every command for its listener
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(content().string(Matchers.containsString("http_server_requests_seconds_count")))
                .andExpect(content().string(Matchers.containsString("mongodb_driver_pool_size")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("spring_security_"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("mongodb_driver_commands"))));
    }

    @Test
    void metricsAreRecordedOnceForTheScrapeAndPushedNowhere(@Autowired MeterRegistry meters) {
        // a second registry (the OpenTelemetry starter brings an OTLP one) makes a composite: every timer
        // and counter recorded twice, and pushed each minute to a collector that the traces' setting names
        assertThat(meters).isInstanceOf(PrometheusMeterRegistry.class);
    }
}
