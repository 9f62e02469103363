package se.motesdagen.platform.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.core.env.Environment;
import se.motesdagen.platform.messaging.InvalidEventException;

/**
 * Whether a service wires each of its consumers the way the platform's dead-letter behaviour needs
 * (DeadLetterIntegrationTests proves that behaviour once): a consumer group, its dead-letter topic
 * enabled and named {@code <topic>.<group>.dlq}, the event's bytes read natively with a dead-letter
 * producer that can send them, and an event that breaks its contract not retried.
 */
public final class ConsumerWiring {

    private ConsumerWiring() {}

    /** The consumer bindings of the service (those with a group), by name. */
    public static List<String> consumers(BindingServiceProperties bindings) {
        return bindings.getBindings().entrySet().stream()
                .filter(b -> b.getValue().getGroup() != null)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** What is wired otherwise, one line per fault; empty when every consumer is right. */
    public static List<String> problems(BindingServiceProperties bindings, Environment environment) {
        List<String> problems = new ArrayList<>();
        boolean dlqByDefault =
                environment.getProperty("spring.cloud.stream.kafka.default.consumer.enable-dlq", Boolean.class, false);
        for (String name : consumers(bindings)) {
            BindingProperties binding = bindings.getBindingProperties(name);
            String kafka = "spring.cloud.stream.kafka.bindings." + name + ".consumer.";
            if (!environment.getProperty(kafka + "enable-dlq", Boolean.class, dlqByDefault)) {
                problems.add(name + ": no dead-letter topic");
            }
            String expected = binding.getDestination() + "." + binding.getGroup() + ".dlq";
            String dlq = environment.getProperty(kafka + "dlq-name");
            if (!expected.equals(dlq)) {
                problems.add(name + ": dead-letter topic " + dlq + ", not " + expected);
            }
            Map<Class<? extends Throwable>, Boolean> retryable =
                    binding.getConsumer().getRetryableExceptions();
            if (!binding.getConsumer().isUseNativeDecoding()) {
                problems.add(name + ": the function layer converts every event's bytes (use-native-decoding is off)");
            }
            for (String part : List.of("key", "value")) {
                String serializer = "dlq-producer-properties.configuration." + part + ".serializer";
                String configured = environment.getProperty(
                        kafka + serializer,
                        environment.getProperty("spring.cloud.stream.kafka.default.consumer." + serializer, ""));
                if (!configured.endsWith("ByteArraySerializer")) {
                    problems.add(name + ": with native decoding the dead-letter producer needs the " + part
                            + " serializer ByteArraySerializer, or refuses to send");
                }
            }
            if (!Boolean.FALSE.equals(retryable.get(InvalidEventException.class))) {
                problems.add(name + ": an event that breaks its contract is retried instead of dead-lettered at once");
            }
        }
        return problems;
    }
}
