package se.motesdagen.registration;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;
import se.motesdagen.platform.test.RealInfrastructure;

/** The same journey against real Kafka and a real MongoDB replica set; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class RegistrationContainersIntegrationTests extends RegistrationJourneyTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "registration");
    }
}
