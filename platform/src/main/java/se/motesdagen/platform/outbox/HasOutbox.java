package se.motesdagen.platform.outbox;

import java.util.List;

/**
 * An aggregate whose document carries the events of its changes, so that a change and its events are
 * one single-document write: the entity maps a field named {@code outbox} and returns it here. The
 * relay finds the collections to publish from by this interface, and empties the field as the broker
 * acknowledges each event. Record events with {@link Outbox#record}.
 */
public interface HasOutbox {

    /** The field's own list (not a copy): the events recorded and not yet published. */
    List<OutboxEvent> outbox();
}
