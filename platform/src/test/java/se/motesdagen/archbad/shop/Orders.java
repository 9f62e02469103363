package se.motesdagen.archbad.shop;

import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import se.motesdagen.archbad.stock.Stock;
import se.motesdagen.platform.messaging.IncomingEvent;

/** Fixture of a service that breaks every rule once (ServiceArchitectureTests). */
public class Orders {

    /** Reads the system clock, and is a feature reading another service's event. */
    public Instant place(IncomingEvent event) {
        new Stock().reserve();
        return Instant.now();
    }

    /** Scheduled outside jobs. */
    @Scheduled(fixedDelay = 1000)
    void sweep() {}
}
