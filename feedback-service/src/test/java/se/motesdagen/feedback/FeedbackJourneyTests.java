package se.motesdagen.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.DeadLetters;

/** RegistrationConfirmed on Kafka → a participant to survey later, once. Subclasses pick the infrastructure. */
@SpringBootTest
@AutoConfigureMockMvc
abstract class FeedbackJourneyTests {

    static final String CONFIRMED = "se.motesdagen.registration.confirmed.v1";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void aConfirmedRegistrationBecomesOneParticipantEvenWhenTheEventComesTwice() {
        String registrationId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("registration.events", eventId, CONFIRMED, registrationId, confirmed(registrationId));
            producer.send("registration.events", eventId, CONFIRMED, registrationId, confirmed(registrationId));
            String marker = UUID.randomUUID().toString();
            producer.send(
                    "registration.events", UUID.randomUUID().toString(), CONFIRMED, registrationId, confirmed(marker));
            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(byId(marker), "participants"));
        }

        assertThat(mongo.count(byId(registrationId), "participants")).isEqualTo(1);
        Document participant = mongo.findOne(byId(registrationId), Document.class, "participants");
        assertThat(participant.getString("contactEmail")).isEqualTo("astrid@testbageri.example");
        assertThat(participant.getInteger("attendees")).isEqualTo(2);
        assertThat(participant.getString("eventId")).isEqualTo("stora-motesdagen-2027");
    }

    @Test
    void anEventThatBreaksTheContractGoesToTheDeadLetterTopicAndTheNextOneIsStillHandled() {
        String registrationId = UUID.randomUUID().toString();
        String badEventId = "bad-" + UUID.randomUUID();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("registration.events", badEventId, CONFIRMED, registrationId, "[]");
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    registrationId,
                    confirmed(registrationId));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(byId(registrationId), "participants"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> new DeadLetters(bootstrapServers)
                        .eventIds("registration.events.feedback-participant.dlq")
                        .contains(badEventId));
    }

    @Test
    void theStaffListShowsTheParticipantsBehindTheLogin() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    registrationId,
                    confirmed(registrationId).replace("Nyköpings Testbageri AB", "Deltagarbolaget AB"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(byId(registrationId), "participants"));

        mvc.perform(get("/personal/deltagare")).andExpect(status().isUnauthorized());
        mvc.perform(get("/personal/deltagare").with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Deltagarbolaget AB")));
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "motesdagen_feedback_participants_recorded_total")));
    }

    @Test
    void anErasedRegistrationLeavesNoPersonBehindAndALateConfirmationDoesNotBringItBack() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    registrationId,
                    confirmed(registrationId));
            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(byId(registrationId), "participants"));
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    "se.motesdagen.registration.erased.v1",
                    registrationId,
                    CloudEventProducer.example("se.motesdagen.registration.erased.v1")
                            .replace("0f8fad5b-d9cb-469f-a165-70867728950e", registrationId));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !mongo.exists(byId(registrationId), "participants"));
        // a confirmation delivered again after the erasure brings nothing back
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    registrationId,
                    confirmed(registrationId));
            String marker = UUID.randomUUID().toString();
            producer.send(
                    "registration.events", UUID.randomUUID().toString(), CONFIRMED, registrationId, confirmed(marker));
            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(byId(marker), "participants"));
        }
        assertThat(mongo.exists(byId(registrationId), "participants")).isFalse();
    }

    private static String confirmed(String registrationId) {
        return CloudEventProducer.example(CONFIRMED).replace("0f8fad5b-d9cb-469f-a165-70867728950e", registrationId);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
