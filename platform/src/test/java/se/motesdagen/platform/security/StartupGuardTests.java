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
                .withProperty("motesdagen.staff.password", "motesdagen")
                .withProperty("motesdagen.public-base-url", "http://localhost:8080")
                .withProperty("motesdagen.production-checks[0].property", "motesdagen.registration.identity-secret")
                .withProperty("motesdagen.production-checks[0].variable", "IDENTITY_HMAC_SECRET")
                .withProperty("motesdagen.production-checks[0].development-value", "local-development-only")
                .withProperty("motesdagen.registration.identity-secret", "local-development-only");

        assertThatThrownBy(() -> StartupGuard.check(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STAFF_PASSWORD")
                .hasMessageContaining("PUBLIC_BASE_URL")
                .hasMessageContaining("IDENTITY_HMAC_SECRET");
    }

    @Test
    void aMissingSecretIsRefusedToo() {
        MockEnvironment environment =
                new MockEnvironment().withProperty("motesdagen.public-base-url", "https://motesdagen.nykoping.se");

        assertThatThrownBy(() -> StartupGuard.check(environment))
                .hasMessageContaining("motesdagen.staff.password (STAFF_PASSWORD) is missing");
    }

    @Test
    void realValuesStartAndTheLocalStackMayUseDevelopmentValues() {
        assertThatCode(() -> StartupGuard.check(new MockEnvironment()
                        .withProperty("motesdagen.staff.password", "kH7#p2-lång-och-slumpad")
                        .withProperty("motesdagen.public-base-url", "https://motesdagen.nykoping.se")))
                .doesNotThrowAnyException();
        assertThatCode(() -> StartupGuard.check(new MockEnvironment()
                        .withProperty("motesdagen.local-stack", "true")
                        .withProperty("motesdagen.staff.password", "motesdagen")))
                .doesNotThrowAnyException();
    }
}
