package se.motesdagen.archgood.jobs;

import org.springframework.scheduling.annotation.Scheduled;
import se.motesdagen.archgood.shop.Orders;

/** Fixture: scheduled work, in jobs. */
class NightlyJob {

    private final Orders orders;

    NightlyJob(Orders orders) {
        this.orders = orders;
    }

    @Scheduled(cron = "0 0 3 * * *")
    void run() {
        orders.place("nightly");
    }
}
