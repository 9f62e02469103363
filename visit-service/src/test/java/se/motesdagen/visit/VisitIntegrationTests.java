package se.motesdagen.visit;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On the embedded infrastructure: an in-JVM KRaft broker and the MongoDB-compatible server. */
@EmbeddedKafka(
        partitions = 2,
        topics = "registration.events",
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class VisitIntegrationTests extends VisitJourneyTests {

    static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.mongodb.uri",
                () -> "mongodb://" + MONGO_ADDRESS.getHostString() + ":" + MONGO_ADDRESS.getPort() + "/visit");
    }
}
