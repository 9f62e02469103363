package se.motesdagen.platform.outbox;

import java.util.concurrent.CompletableFuture;

/**
 * Sends one event to its topic. The returned future completes when the broker has acknowledged the
 * event and fails when it will not; sending many before waiting on any is what makes the relay fast.
 */
@FunctionalInterface
public interface EventPublisher {

    CompletableFuture<?> publish(OutboxEvent event);
}
