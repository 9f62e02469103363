package se.motesdagen.feedback.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.core.env.Environment;
import se.motesdagen.feedback.FeedbackTestBase;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.ConsumerWiring;
import se.motesdagen.platform.test.TopicReader;

/** Reading registration.events: a confirmed registration becomes one participant, an erasure leaves nobody behind. */
class RegistrationEventsIntegrationTests extends FeedbackTestBase {

    @Test
    void everyConsumerHasItsDeadLetterTopicAndSendsABrokenEventThereAtOnce(
            @Autowired BindingServiceProperties bindings, @Autowired Environment environment) {
        assertThat(ConsumerWiring.consumers(bindings))
                .containsExactly("inviteAfterVisit-in-0", "recordParticipant-in-0");
        assertThat(ConsumerWiring.problems(bindings, environment)).isEmpty();
    }

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
        assertThat(participant.getString("dayId")).isEqualTo("stora-motesdagen-2027");
    }

    @Test
    void anErasedRegistrationLeavesNoPersonBehindAndALateConfirmationDoesNotBringItBack() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            confirmParticipant(producer, registrationId);
            for (int delivery = 0; delivery < 2; delivery++) { // the same erasure, delivered twice
                producer.sendExample(
                        "registration.events",
                        "se.motesdagen.registration.erased.v1",
                        registrationId,
                        "0f8fad5b-d9cb-469f-a165-70867728950e",
                        registrationId);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !mongo.exists(byId(registrationId), "participants"));
        // once done, the service says so, once
        TopicReader.PublishedEvent confirmation = new TopicReader(bootstrapServers)
                .awaitOnlyOne("feedback.events", registrationId, "se.motesdagen.feedback.registration-erased.v1");
        assertThat(confirmation.body()).contains(registrationId);
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

    @Test
    void anErasedContactTakesTheParticipantWithItAndIsConfirmedOnce() {
        String registrationId = UUID.randomUUID().toString();
        String erasureId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            confirmParticipant(producer, registrationId);
            for (int delivery = 0; delivery < 2; delivery++) { // the same erasure, delivered twice
                producer.sendExample(
                        "registration.events",
                        "se.motesdagen.registration.person-erased.v1",
                        registrationId,
                        "a3c9e1f2-4b7d-4e8a-9c6f-2d1e0b9a8c7d",
                        erasureId,
                        "0f8fad5b-d9cb-469f-a165-70867728950e",
                        registrationId);
            }
        }
        TopicReader.PublishedEvent confirmation = new TopicReader(bootstrapServers)
                .awaitOnlyOne("feedback.events", registrationId, "se.motesdagen.feedback.person-erased.v1");
        assertThat(confirmation.body()).contains(erasureId);
        assertThat(mongo.exists(byId(registrationId), "participants")).isFalse();
    }
}
