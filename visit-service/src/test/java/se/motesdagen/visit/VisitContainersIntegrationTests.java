package se.motesdagen.visit;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;
import se.motesdagen.platform.test.RealInfrastructure;

/** The same tests against real Kafka and a real MongoDB replica set; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class VisitContainersIntegrationTests extends VisitJourneyTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "visit");
    }
}
