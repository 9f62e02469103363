package se.motesdagen.platform.test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Real Kafka and a real MongoDB replica set in containers, one pair per test JVM, for the containers run
 * of the integration tests ({@link TestInfrastructure}). Started on first use, which only happens where a
 * Docker engine runs.
 */
public final class RealInfrastructure {

    private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");
    private static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    private RealInfrastructure() {}

    /** Points the service at the containers, its data in {@code database}. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        Startables.deepStart(KAFKA, MONGO).join();
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl(database));
    }
}
