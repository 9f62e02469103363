package se.motesdagen.feedback.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.motesdagen.feedback.FeedbackTestBase;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.ContractSchemas;
import se.motesdagen.platform.test.TopicReader;

/** An access request answered once with the participant and its survey invitation, and nobody else's. */
class FeedbackAccessIntegrationTests extends FeedbackTestBase {

    private static final String REQUESTED = "se.motesdagen.registration.access-requested.v1";
    private static final String ANSWERED = "se.motesdagen.feedback.access-answered.v1";

    @Test
    void theParticipantAndItsSurveyInvitationAreAnsweredOnce() {
        String registrationId = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String requestId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            confirmParticipant(producer, registrationId);
            confirmParticipant(producer, other);
            producer.send(
                    "visit.events",
                    UUID.randomUUID().toString(),
                    COMPLETED,
                    UUID.randomUUID().toString(),
                    completed(UUID.randomUUID().toString(), registrationId));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> mongo.exists(
                            Query.query(Criteria.where("registrationId").is(registrationId)), "invitations"));
            for (int delivery = 0; delivery < 2; delivery++) { // the same request delivered twice
                producer.sendExample(
                        "registration.events",
                        REQUESTED,
                        requestId,
                        "6c1b7f4e-0a8e-4f4e-9d55-2f0c8e6b1a77",
                        requestId,
                        "astrid.holm@testbageri.example",
                        "ingen-" + requestId.substring(0, 8) + "@testbageri.example",
                        "0f8fad5b-d9cb-469f-a165-70867728950e",
                        registrationId);
            }
        }

        TopicReader.PublishedEvent answer =
                new TopicReader(bootstrapServers).awaitOnlyOne("feedback.events", requestId, ANSWERED);
        assertThat(ContractSchemas.violations(ANSWERED, answer.body())).isEmpty();
        assertThat(answer.body())
                .contains("Deltagare (för enkäter efteråt)")
                .contains("Enkätinbjudan")
                .contains(registrationId)
                .doesNotContain(other);
    }
}
