package se.motesdagen.platform.outbox;

import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A change to an aggregate that carries an outbox, read, made and saved again when the document moved
 * under it: the relay bumps a document's version when it takes a published event out, so a copy read
 * before that cannot be saved (that is what keeps an event from being written back). {@code change}
 * must read the aggregate itself, so each attempt works on a fresh copy.
 */
public final class FreshRead {

    static final int ATTEMPTS = 5;

    private FreshRead() {}

    public static <T> T retrying(Supplier<T> change) {
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
