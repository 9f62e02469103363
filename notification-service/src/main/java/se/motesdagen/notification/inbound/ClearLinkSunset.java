package se.motesdagen.notification.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.motesdagen.platform.messaging.IncomingEvent;
import se.motesdagen.platform.messaging.InvalidEventException;

/**
 * The v1 events that carry a link in clear (submitted, confirmed, manage-link-sent) are no longer
 * mailed: anyone who can write to the broker could make the municipality mail anyone a link of their
 * choosing, where a v2 event's link is sealed by the registration service's key and opens only for its
 * registration. Since {@code motesdagen.notification.clear-links-until} each is dead-lettered instead (an
 * upgrade with v1 events still waiting may set it later for a while). Every one that arrives is counted
 * ({@code motesdagen.events.clear.links{type,outcome}}), so an operator sees when none come any more.
 */
@Component
class ClearLinkSunset {

    private static final Logger log = LoggerFactory.getLogger(ClearLinkSunset.class);

    private final Clock clock;
    private final MeterRegistry meters;
    private final Instant until;

    ClearLinkSunset(
            Clock clock,
            MeterRegistry meters,
            @Value("${motesdagen.notification.clear-links-until:2026-12-01T00:00:00Z}") Instant until) {
        this.clock = clock;
        this.meters = meters;
        this.until = until;
    }

    /** The handler, while clear links are still mailed; after, a dead letter. */
    <T> BiConsumer<IncomingEvent, T> guard(String type, BiConsumer<IncomingEvent, T> send) {
        return (event, body) -> {
            boolean over = !clock.instant().isBefore(until);
            meters.counter("motesdagen.events.clear.links", "type", type, "outcome", over ? "refused" : "mailed")
                    .increment();
            if (over) {
                throw new InvalidEventException("Event " + event.id() + " (" + type
                        + ") carries its link in clear; such events are not mailed since " + until);
            }
            log.warn("Event {} ({}) carries its link in clear; mailed until {}", event.id(), type, until);
            send.accept(event, body);
        };
    }
}
