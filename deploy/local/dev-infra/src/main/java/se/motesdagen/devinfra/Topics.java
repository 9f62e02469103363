package se.motesdagen.devinfra;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates the topics the services expect, with their partitions, once the broker answers. */
final class Topics {

    private Topics() {}

    static void createWhenBrokerIsUp(String bootstrapServers, List<String> topics, int partitions) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try (Admin admin = Admin.create(config)) {
                Set<String> existing = admin.listTopics().names().get();
                List<NewTopic> missing = topics.stream()
                        .filter(t -> !existing.contains(t))
                        .map(t -> new NewTopic(t, partitions, (short) 1))
                        .toList();
                if (!missing.isEmpty()) {
                    admin.createTopics(missing).all().get();
                }
                System.out.printf("Kafka topics ready: %s (%d partitions each)%n", topics, partitions);
                return;
            } catch (ExecutionException e) {
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                pause();
            }
        }
        System.err.println(
                "Kafka did not answer within 3 minutes; topics not created (the services create them on first use).");
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
