package se.motesdagen.archbad.stock;

import se.motesdagen.archbad.shop.Orders;

/** Fixture: depends back on shop, which depends on it (a cycle). */
public class Stock {

    public void reserve() {}

    Orders orders() {
        return new Orders();
    }
}
