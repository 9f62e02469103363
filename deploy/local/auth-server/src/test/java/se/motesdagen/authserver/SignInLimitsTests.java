package se.motesdagen.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failed sign-ins per account: the lock, its end, a good sign-in, and a restart in between. */
class SignInLimitsTests {

    @TempDir
    Path data;

    @Test
    void theFifthFailureLocksForAQuarterOfAnHourAcrossARestartThenTheCountStartsAgain() throws IOException {
        Path file = data.resolve("sign-in-failures.properties");
        Instant now = Instant.parse("2027-08-26T08:00:00Z");
        SignInLimits limits = SignInLimits.in(file, Clock.fixed(now, ZoneOffset.UTC));
        for (int i = 1; i < SignInLimits.ATTEMPTS; i++) {
            limits.failed("planerare");
        }
        assertThat(limits.isLocked("planerare")).as("four are not yet a lock").isFalse();
        limits.failed("PLANERARE ");
        assertThat(limits.isLocked("planerare")).isTrue();
        assertThat(limits.isLocked("admin")).isFalse();
        assertThat(Files.readString(file)).doesNotContain("password");

        SignInLimits restarted = SignInLimits.in(file, Clock.fixed(now.plus(Duration.ofMinutes(14)), ZoneOffset.UTC));
        assertThat(restarted.isLocked("planerare")).isTrue();
        restarted.failed("planerare"); // a locked account's attempts do not lengthen the lock

        SignInLimits later = SignInLimits.in(file, Clock.fixed(now.plus(SignInLimits.LOCKED_FOR), ZoneOffset.UTC));
        assertThat(later.isLocked("planerare")).isFalse();
        later.failed("planerare");
        assertThat(later.isLocked("planerare"))
                .as("a lock that ran out starts a new count")
                .isFalse();
    }

    @Test
    void aGoodSignInClearsTheCount() {
        SignInLimits limits = SignInLimits.in(data.resolve("f.properties"), Clock.systemUTC());
        for (int i = 1; i < SignInLimits.ATTEMPTS; i++) {
            limits.failed("vard");
        }
        limits.succeeded("vard");
        limits.failed("vard");
        assertThat(limits.isLocked("vard")).isFalse();
    }
}
