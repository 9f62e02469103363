package se.motesdagen.platform.test;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One in-JVM KRaft broker per test JVM, shared by every Spring context that needs one (a context of its
 * own each would start a broker each). The four topics exist from the start with two partitions, as the
 * cluster declares them outside the services; dead-letter topics are made by the binder.
 */
public final class EmbeddedKafka {

    private static final EmbeddedKafkaKraftBroker BROKER = start();

    private EmbeddedKafka() {}

    public static String bootstrapServers() {
        return BROKER.getBrokersAsString();
    }

    private static EmbeddedKafkaKraftBroker start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(
                1, 2, "registration.events", "visit.events", "notification.events", "feedback.events");
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
        return broker;
    }
}
