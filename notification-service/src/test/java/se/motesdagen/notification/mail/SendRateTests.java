package se.motesdagen.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import se.motesdagen.platform.test.MutableClock;

class SendRateTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2027-06-01T10:00:00Z"));

    @Test
    void aBurstIsSpreadOverSlotsAtTheConfiguredRate() {
        SendRate rate = new SendRate(clock, 4);

        assertThat(rate.reserve()).isEqualTo(Duration.ZERO);
        assertThat(rate.reserve()).isEqualTo(Duration.ofMillis(250));
        assertThat(rate.reserve()).isEqualTo(Duration.ofMillis(500));
        assertThat(rate.reserve()).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void quietTimeIsNotSavedUpForALaterBurst() {
        SendRate rate = new SendRate(clock, 2);
        rate.reserve();

        clock.advance(Duration.ofMinutes(10));

        assertThat(rate.reserve()).isEqualTo(Duration.ZERO);
        assertThat(rate.reserve()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aRateOfNothingIsRefusedAtStartRatherThanSendingNothing() {
        assertThatThrownBy(() -> new SendRate(clock, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
