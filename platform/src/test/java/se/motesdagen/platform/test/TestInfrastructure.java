package se.motesdagen.platform.test;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;

/**
 * Where a service's integration tests run. By default on the embedded infrastructure: an in-JVM KRaft
 * broker per kind of context ({@link EmbeddedKafka}) and one MongoDB-compatible server ({@link EmbeddedMongo}).
 * With {@code -Dmotesdagen.test.infrastructure=containers} (the build's second run of every
 * {@code *IntegrationTests} class) on real Kafka and a real MongoDB replica set in containers
 * ({@link RealInfrastructure}); that run is skipped where no Docker engine answers.
 *
 * <p>A test base class registers it with {@code @DynamicPropertySource} and carries
 * {@code @ExtendWith(TestInfrastructure.class)}, which skips its tests in the containers run where no
 * Docker engine answers (an extension, since JUnit's condition annotations are not inherited).
 */
public final class TestInfrastructure implements ExecutionCondition {

    static final String PROPERTY = "motesdagen.test.infrastructure";

    /** Made by JUnit, as the condition of the classes that extend with it. */
    TestInfrastructure() {}

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return containersWithoutDocker()
                ? ConditionEvaluationResult.disabled("The containers run needs a Docker engine, and none answers here")
                : ConditionEvaluationResult.enabled(containers() ? "containers" : "embedded infrastructure");
    }

    /** Points the service at the infrastructure of this run, its data in {@code database}. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        if (containers()) {
            RealInfrastructure.register(registry, database);
        } else {
            registry.add("spring.kafka.bootstrap-servers", () -> EmbeddedKafka.bootstrapServers(database));
            registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri(database));
        }
    }

    /** This is the containers run. */
    public static boolean containers() {
        return "containers".equals(System.getProperty(PROPERTY));
    }

    /** The containers run where no Docker engine answers: the tests are skipped, not failed. */
    static boolean containersWithoutDocker() {
        return containers() && !DockerClientFactory.instance().isDockerAvailable();
    }
}
