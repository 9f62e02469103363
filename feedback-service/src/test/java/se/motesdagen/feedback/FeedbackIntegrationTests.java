package se.motesdagen.feedback;

import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.motesdagen.platform.test.EmbeddedMongo;

/** On the embedded infrastructure: an in-JVM KRaft broker and the MongoDB-compatible server. */
@EmbeddedKafka(
        partitions = 2,
        topics = {"registration.events", "visit.events", "feedback.events"},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class FeedbackIntegrationTests extends FeedbackJourneyTests {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("feedback"));
    }
}
