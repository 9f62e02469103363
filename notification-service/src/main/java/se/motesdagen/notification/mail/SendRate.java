package se.motesdagen.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps sending under a configured rate, so a burst (a thousand confirmations after a deadline, a
 * reminder to everybody) does not make the mail relay throttle or flag us. Every send reserves the
 * next free slot; slots are {@code 1 / perSecond} apart and a slot in the past is not saved up.
 */
final class SendRate {

    private final Clock clock;
    private final Duration gap;
    private Instant next = Instant.MIN;

    SendRate(Clock clock, double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("The sending rate must be above zero, was " + perSecond);
        }
        this.clock = clock;
        this.gap = Duration.ofNanos((long) (1_000_000_000L / perSecond));
    }

    /** Reserves the next slot and says how long to wait for it. */
    synchronized Duration reserve() {
        Instant now = clock.instant();
        Instant slot = next.isAfter(now) ? next : now;
        next = slot.plus(gap);
        return Duration.between(now, slot);
    }

    /** Waits for the next slot. */
    void pace() throws InterruptedException {
        Duration wait = reserve();
        if (!wait.isZero()) {
            Thread.sleep(wait);
        }
    }
}
