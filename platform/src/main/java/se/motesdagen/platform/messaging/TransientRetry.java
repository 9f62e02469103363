package se.motesdagen.platform.messaging;

import com.mongodb.MongoException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Runs a handler again and again while it fails because something it depends on is away (the store
 * down or unreachable, a timeout), with exponential back-off up to a ceiling. Blocking the partition
 * is right here: every later event would fail the same way, and the order of one aggregate's events
 * holds. Any other failure is left to the binding's own retries and then the dead-letter topic.
 */
public class TransientRetry {

    private static final Logger log = LoggerFactory.getLogger(TransientRetry.class);

    private final Duration initialBackOff;
    private final Duration maxBackOff;

    public TransientRetry(Duration initialBackOff, Duration maxBackOff) {
        this.initialBackOff = initialBackOff;
        this.maxBackOff = maxBackOff;
    }

    void run(IncomingEvent event, Runnable handler) {
        Duration wait = initialBackOff;
        for (int attempt = 1; ; attempt++) {
            try {
                handler.run();
                if (attempt > 1) {
                    log.info("Event {} handled after {} attempts", event.id(), attempt);
                }
                return;
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                log.warn(
                        "Event {} ({}) could not be handled, a dependency is away; trying again in {} ms: {}",
                        event.id(),
                        event.type(),
                        wait.toMillis(),
                        e.toString());
                sleep(wait, e);
                wait = wait.multipliedBy(2).compareTo(maxBackOff) > 0 ? maxBackOff : wait.multipliedBy(2);
            }
        }
    }

    /** A failure that goes away by itself when the dependency is back, judged by the whole cause chain. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidEventException) {
                return false;
            }
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof MongoSocketException
                    || t instanceof MongoTimeoutException
                    || t instanceof MongoNotPrimaryException
                    || (t instanceof MongoException m
                            && m.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL))
                    || t instanceof ConnectException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(Duration wait, RuntimeException cause) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cause; // shutting down: the event is not acknowledged and comes again
        }
    }
}
