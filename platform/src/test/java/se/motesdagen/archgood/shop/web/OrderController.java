package se.motesdagen.archgood.shop.web;

import org.springframework.stereotype.Controller;
import se.motesdagen.archgood.shop.OrderRepository;
import se.motesdagen.archgood.shop.Orders;

/** Fixture: a controller of the feature, in its web package, using its own feature. */
@Controller
class OrderController {

    private final Orders orders;
    private final OrderRepository repository;

    OrderController(Orders orders, OrderRepository repository) {
        this.orders = orders;
        this.repository = repository;
    }

    String place() {
        orders.place("1");
        return "ok " + repository.count();
    }
}
