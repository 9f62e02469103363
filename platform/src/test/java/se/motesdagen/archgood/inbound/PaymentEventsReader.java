package se.motesdagen.archgood.inbound;

import se.motesdagen.archgood.shop.Orders;
import se.motesdagen.platform.messaging.IncomingEvent;

/** Fixture: the reader of another service's contract, calling the feature. */
class PaymentEventsReader {

    private final Orders orders;

    PaymentEventsReader(Orders orders) {
        this.orders = orders;
    }

    void paid(IncomingEvent event) {
        orders.place(event.subject());
    }
}
