package se.motesdagen.notification.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.motesdagen.notification.NotificationTestBase;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.ContractSchemas;
import se.motesdagen.platform.test.TopicReader;

/** An access request answered once with the mails of the registration and to the address, and nobody else's. */
class MailAccessIntegrationTests extends NotificationTestBase {

    private static final String REQUESTED = "se.motesdagen.registration.access-requested.v1";
    private static final String ANSWERED = "se.motesdagen.notification.access-answered.v1";

    @Test
    void theMailsOfTheRegistrationAndToTheAddressAreAnsweredOnceWithTheirText() {
        String registrationId = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String to = "utdrag-" + registrationId.substring(0, 8) + "@testbageri.example";
        String otherTo = "annan-" + other.substring(0, 8) + "@testbageri.example";
        String requestId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    registrationId,
                    example(CONFIRMED, registrationId, to));
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    other,
                    example(CONFIRMED, other, otherTo));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> inboxOf(to).size() == 1 && inboxOf(otherTo).size() == 1);
            for (int delivery = 0; delivery < 2; delivery++) { // the same request delivered twice
                producer.sendExample(
                        "registration.events",
                        REQUESTED,
                        requestId,
                        "6c1b7f4e-0a8e-4f4e-9d55-2f0c8e6b1a77",
                        requestId,
                        "astrid.holm@testbageri.example",
                        to.toUpperCase(),
                        "0f8fad5b-d9cb-469f-a165-70867728950e",
                        UUID.randomUUID().toString()); // found by the address alone
            }
        }

        TopicReader.PublishedEvent answer =
                new TopicReader(bootstrapServers).awaitOnlyOne("notification.events", requestId, ANSWERED);
        assertThat(ContractSchemas.violations(ANSWERED, answer.body())).isEmpty();
        assertThat(answer.body())
                .contains("E-postmeddelande")
                .contains(to)
                .contains(subjectOf(inboxOf(to).getFirst()))
                .contains("Text")
                .doesNotContain(otherTo);
    }
}
