package se.motesdagen.archbad.shop.web;

import org.springframework.data.mongodb.core.MongoOperations;
import se.motesdagen.archbad.stock.StockRepository;

/** Fixture: reaches into another feature's repository and into the store itself. */
class OrderController {

    private final StockRepository stock;
    private final MongoOperations mongo;

    OrderController(StockRepository stock, MongoOperations mongo) {
        this.stock = stock;
        this.mongo = mongo;
    }

    long count() {
        return stock.count() + mongo.getCollectionNames().size();
    }
}
