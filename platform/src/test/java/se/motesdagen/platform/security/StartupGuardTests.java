package se.motesdagen.platform.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Outside the local stack a service refuses to start with development secrets, and says which. */
class StartupGuardTests {

    @Test
    void developmentValuesOutsideTheLocalStackStopTheStartAndAreNamed() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("motesdagen.staff.issuer", "http://localhost:9000")
                .withProperty("motesdagen.public-base-url", "http://localhost:8080")
                .withProperty("motesdagen.production-checks[0].property", "motesdagen.registration.identity-secret")
                .withProperty("motesdagen.production-checks[0].variable", "IDENTITY_HMAC_SECRET")
                .withProperty("motesdagen.production-checks[0].development-value", "local-development-only")
                .withProperty("motesdagen.registration.identity-secret", "local-development-only");

        assertThatThrownBy(() -> StartupGuard.check(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MOTESDAGEN_STAFF_ISSUER")
                .hasMessageContaining("PUBLIC_BASE_URL")
                .hasMessageContaining("IDENTITY_HMAC_SECRET");
    }

    @Test
    void aMissingSecretIsRefusedToo() {
        MockEnvironment environment =
                new MockEnvironment().withProperty("motesdagen.public-base-url", "https://motesdagen.nykoping.se");

        assertThatThrownBy(() -> StartupGuard.check(environment))
                .hasMessageContaining("motesdagen.staff.issuer (MOTESDAGEN_STAFF_ISSUER) is missing");
    }

    @Test
    void realValuesStartAndTheLocalStackMayUseDevelopmentValues() {
        assertThatCode(() -> StartupGuard.check(new MockEnvironment()
                        .withProperty(
                                "motesdagen.staff.issuer",
                                "https://login.microsoftonline.com/2f1e0c6e-0000-4000-8000-000000000000/v2.0")
                        .withProperty("motesdagen.public-base-url", "https://motesdagen.nykoping.se")
                        .withProperty("management.server.port", "8089")))
                .doesNotThrowAnyException();
        assertThatCode(() -> StartupGuard.check(new MockEnvironment()
                        .withProperty("motesdagen.local-stack", "true")
                        .withProperty("motesdagen.staff.issuer", "http://localhost:9000")))
                .doesNotThrowAnyException();
    }

    @Test
    void outsideTheLocalStackTheActuatorIsOnAPortOfItsOwn() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(
                        "motesdagen.staff.issuer",
                        "https://login.microsoftonline.com/2f1e0c6e-0000-4000-8000-000000000000/v2.0")
                .withProperty("motesdagen.public-base-url", "https://motesdagen.nykoping.se")
                .withProperty("server.port", "8081");

        assertThatThrownBy(() -> StartupGuard.check(environment))
                .hasMessageContaining("management.server.port (MANAGEMENT_SERVER_PORT) is not a port of its own");
        environment.setProperty("management.server.port", "8081");
        assertThatThrownBy(() -> StartupGuard.check(environment)).hasMessageContaining("MANAGEMENT_SERVER_PORT");
        environment.setProperty("management.server.port", "8089");
        assertThatCode(() -> StartupGuard.check(environment)).doesNotThrowAnyException();
    }
}
