package se.motesdagen.registration.signup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfirmationTokenTests {

    private static final Instant NOW = Instant.parse("2027-06-01T10:00:00Z");

    @Test
    void aTokenCarries256RandomBitsAndOnlyItsHashIsKept() {
        ConfirmationToken token = ConfirmationToken.issue(NOW, Duration.ofDays(7));

        assertThat(token.value()).hasSize(43); // 32 bytes, base64url without padding
        assertThat(ConfirmationToken.isWellFormed(token.value())).isTrue();
        assertThat(token.hash())
                .hasSize(64)
                .isNotEqualTo(token.value())
                .isEqualTo(ConfirmationToken.hashOf(token.value()));
        assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(ConfirmationToken.issue(NOW, Duration.ofDays(1)).value());
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void malformedTokensAreRejectedBeforeAnyLookup() {
        assertThat(ConfirmationToken.isWellFormed(null)).isFalse();
        assertThat(ConfirmationToken.isWellFormed("short")).isFalse();
        assertThat(ConfirmationToken.isWellFormed("a".repeat(42) + "!")).isFalse();
        assertThat(ConfirmationToken.isWellFormed("$where: 1".repeat(5))).isFalse();
    }
}
