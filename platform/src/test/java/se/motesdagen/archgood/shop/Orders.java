package se.motesdagen.archgood.shop;

import java.time.Clock;
import java.time.Instant;

/** Fixture of a service that keeps the skeleton (ServiceArchitectureTests): a feature's service. */
public class Orders {

    private final OrderRepository repository;
    private final Clock clock;

    public Orders(OrderRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public Instant place(String id) {
        repository.count();
        return Instant.now(clock);
    }
}
