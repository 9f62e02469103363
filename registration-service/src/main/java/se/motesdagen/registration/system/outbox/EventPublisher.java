package se.motesdagen.registration.system.outbox;

/** Sends one event to its topic and returns only when the broker has acknowledged it. */
@FunctionalInterface
public interface EventPublisher {

    void publish(OutboxEvent event);
}
