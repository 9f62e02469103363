package se.motesdagen.visit.publish;

import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A change read, made and saved again when the document moved under it: the outbox relay bumps a
 * document's version when it takes a published event out, so a copy read before that cannot be saved
 * (that is what keeps an event from being written back). The change is made again on a fresh read.
 */
final class Saving {

    static final int ATTEMPTS = 5;

    private Saving() {}

    static <T> T retrying(Supplier<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.get();
            } catch (OptimisticLockingFailureException movedMeanwhile) {
                if (attempt == ATTEMPTS) {
                    throw movedMeanwhile;
                }
            }
        }
    }
}
