package se.motesdagen.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;

/** A save that met a newer version is made again on a fresh read, a few times, then given up loudly. */
class FreshReadTests {

    @Test
    void aChangeThatMetANewerVersionIsMadeAgain() {
        AtomicInteger attempts = new AtomicInteger();

        String result = FreshRead.retrying(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new OptimisticLockingFailureException("the relay took an event out meanwhile");
            }
            return "saved";
        });

        assertThat(result).isEqualTo("saved");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aChangeThatNeverGetsThroughFailsAfterTheLastAttemptAndOtherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> FreshRead.retrying(() -> {
                    attempts.incrementAndGet();
                    throw new OptimisticLockingFailureException("always newer");
                }))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(attempts).hasValue(FreshRead.ATTEMPTS);

        AtomicInteger other = new AtomicInteger();
        assertThatThrownBy(() -> FreshRead.retrying(() -> {
                    other.incrementAndGet();
                    throw new IllegalStateException("a bug");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(other).hasValue(1);
    }
}
