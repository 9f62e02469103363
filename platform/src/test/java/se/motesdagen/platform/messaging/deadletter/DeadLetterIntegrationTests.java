package se.motesdagen.platform.messaging.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.DeadLetters;
import se.motesdagen.platform.test.TestInfrastructure;

/**
 * The dead-letter behaviour every consumer gets from the platform and the configuration each service
 * writes the same way (a service's own test only checks its bindings are written so, ConsumerWiring):
 * an event that breaks its contract goes to the dead-letter topic at once, one whose handler keeps
 * failing goes there after its retries, and neither holds up the events behind it.
 */
@SpringBootTest(classes = DeadLetterTestApplication.class, properties = "spring.config.name=deadletter-test")
@ExtendWith(TestInfrastructure.class)
class DeadLetterIntegrationTests {

    static final String TOPIC = "platform.things";
    static final String DLQ = "platform.things.things.dlq";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "platform");
    }

    @Autowired
    DeadLetterTestApplication application;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void anEventThatBreaksItsContractOrWhoseHandlerKeepsFailingGoesToTheDeadLetterTopicAndTheNextIsHandled() {
        String broken = "broken-" + UUID.randomUUID();
        String failing = "failing-" + UUID.randomUUID();
        String after = "after-" + UUID.randomUUID();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            // the same key throughout: one partition, so "after" waits behind the other two
            producer.send(TOPIC, broken, DeadLetterTestApplication.TYPE, "thing-1", "{\"thingId\": 42}");
            producer.send(TOPIC, failing, DeadLetterTestApplication.TYPE, "thing-1", "{\"thingId\": \"boom\"}");
            producer.send(TOPIC, after, DeadLetterTestApplication.TYPE, "thing-1", "{\"thingId\": \"" + after + "\"}");
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> application.handled.contains(after));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> new DeadLetters(bootstrapServers).eventIds(DLQ).containsAll(List.of(broken, failing)));
        assertThat(application.handled).doesNotContain("boom");
    }
}
