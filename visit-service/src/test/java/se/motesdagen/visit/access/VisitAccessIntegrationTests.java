package se.motesdagen.visit.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.ContractSchemas;
import se.motesdagen.platform.test.TopicReader;
import se.motesdagen.visit.VisitTestBase;
import se.motesdagen.visit.host.Host;

/** An access request answered once, with the visit wish of the registration and the host entry of the address. */
class VisitAccessIntegrationTests extends VisitTestBase {

    private static final String REQUESTED = "se.motesdagen.registration.access-requested.v1";
    private static final String ANSWERED = "se.motesdagen.visit.access-answered.v1";

    @Test
    void theRegistrationsVisitWishAndTheHostWithTheAddressAreAnsweredOnceWhateverTheAddressCase() {
        String registrationId = UUID.randomUUID().toString();
        String unrelated = UUID.randomUUID().toString();
        String email = "varden-" + UUID.randomUUID().toString().substring(0, 8) + "@nykoping.example";
        mongo.insert(new Host(
                UUID.randomUUID().toString(),
                "Lena Värdsdotter",
                email,
                "0155-24 50 00",
                Host.Role.POLITICIAN,
                "Kommunstyrelsen",
                List.of("Tillväxt"),
                List.of(),
                Instant.parse("2027-08-01T08:00:00Z")));
        String requestId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    registrationId,
                    confirmed(registrationId));
            producer.send(
                    "registration.events", UUID.randomUUID().toString(), CONFIRMED, unrelated, confirmed(unrelated));
            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(byId(unrelated), "visitRequests"));
            for (int delivery = 0; delivery < 2; delivery++) { // the same request delivered twice
                producer.sendExample(
                        "registration.events",
                        REQUESTED,
                        requestId,
                        "6c1b7f4e-0a8e-4f4e-9d55-2f0c8e6b1a77",
                        requestId,
                        "astrid.holm@testbageri.example",
                        email.toUpperCase(),
                        "0f8fad5b-d9cb-469f-a165-70867728950e",
                        registrationId);
            }
        }

        TopicReader.PublishedEvent answer =
                new TopicReader(bootstrapServers).awaitOnlyOne("visit.events", requestId, ANSWERED);
        assertThat(ContractSchemas.violations(ANSWERED, answer.body())).isEmpty();
        assertThat(answer.body())
                .contains("Önskemål om företagsbesök")
                .contains(registrationId)
                .contains("astrid@testbageri.example")
                .contains("Värd (politiker eller tjänsteperson)")
                .contains("Lena Värdsdotter")
                .doesNotContain(unrelated);
        // once out, the answer is not kept a second time here: only that it was given
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(requestId, Document.class, "accessAnswers")
                        .getList("outbox", Object.class)
                        .isEmpty());
        assertThat(mongo.findById(requestId, Document.class, "accessAnswers").toJson())
                .doesNotContain("Lena");
    }
}
