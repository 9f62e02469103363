package se.motesdagen.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumer plumbing for every service that reads events: contract-checked CloudEvents, retries that
 * outlast an outage, and a count of what waits in the dead-letter topics.
 */
@AutoConfiguration
@ConditionalOnClass(BindingServiceProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    TransientRetry transientRetry(Environment environment) {
        return new TransientRetry(
                environment.getProperty(
                        "motesdagen.messaging.transient-retry.initial", Duration.class, Duration.ofMillis(500)),
                environment.getProperty(
                        "motesdagen.messaging.transient-retry.max", Duration.class, Duration.ofSeconds(30)));
    }

    @Bean
    IncomingEvents incomingEvents(JsonMapper json, TransientRetry retry) {
        return new IncomingEvents(json, retry);
    }

    /**
     * The consumer groups this service has merged into one per topic ({@code motesdagen.messaging.merged-groups}),
     * moved before any binding starts.
     */
    @Bean
    SmartInitializingSingleton consumerGroupMerges(Environment environment, KafkaProperties kafka) {
        List<ConsumerGroupMerges.Merge> merges = merges(environment);
        return () -> {
            if (merges.isEmpty()) {
                return;
            }
            try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
                new ConsumerGroupMerges(admin, merges).run(Duration.ofMinutes(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while moving consumer groups", e);
            }
        };
    }

    private static List<ConsumerGroupMerges.Merge> merges(Environment environment) {
        return Binder.get(environment)
                .bind("motesdagen.messaging.merged-groups", Bindable.listOf(ConsumerGroupMerges.Merge.class))
                .orElse(List.of());
    }

    /**
     * The dead-letter topics named in this service's Kafka bindings (read from configuration), and those of
     * the groups it merged, so letters left there still show.
     */
    @Bean(destroyMethod = "close")
    DeadLetterMetrics deadLetterMetrics(
            BindingServiceProperties bindings, Environment environment, KafkaProperties kafka, MeterRegistry meters) {
        boolean enabledByDefault =
                environment.getProperty("spring.cloud.stream.kafka.default.consumer.enable-dlq", Boolean.class, false);
        List<String> topics = new ArrayList<>();
        for (Map.Entry<String, BindingProperties> binding :
                bindings.getBindings().entrySet()) {
            String prefix = "spring.cloud.stream.kafka.bindings." + binding.getKey() + ".consumer.";
            boolean enabled = environment.getProperty(prefix + "enable-dlq", Boolean.class, enabledByDefault);
            String dlq = environment.getProperty(prefix + "dlq-name");
            if (binding.getValue().getGroup() != null && enabled && dlq != null) {
                topics.add(dlq);
            }
        }
        for (ConsumerGroupMerges.Merge merge : merges(environment)) {
            topics.addAll(merge.deadLetterTopics());
        }
        return new DeadLetterMetrics(Admin.create(kafka.buildAdminProperties()), topics, meters)
                .start(Duration.ofSeconds(15));
    }
}
