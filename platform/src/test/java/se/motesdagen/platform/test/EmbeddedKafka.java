package se.motesdagen.platform.test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * In-JVM KRaft brokers for the tests, one per kind of Spring context (named by the database it uses),
 * started on first use and shared by every test class of that kind. Two kinds of context must not share
 * a broker: both would join the same consumer groups and take each other's events. The four topics exist
 * from the start with two partitions, as the cluster declares them outside the services; dead-letter
 * topics are made by the binder.
 */
public final class EmbeddedKafka {

    private static final Map<String, EmbeddedKafkaKraftBroker> BROKERS = new ConcurrentHashMap<>();

    private EmbeddedKafka() {}

    public static String bootstrapServers(String context) {
        return BROKERS.computeIfAbsent(context, c -> start()).getBrokersAsString();
    }

    private static EmbeddedKafkaKraftBroker start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(
                1, 2, "registration.events", "visit.events", "notification.events", "feedback.events");
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
        return broker;
    }
}
