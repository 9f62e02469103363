package se.motesdagen.platform.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Health of the database by {@code {ping: 1}}, which both MongoDB and the embedded MongoDB-compatible
 * server answer (Boot's own indicator asks {@code hello}, which the embedded server does not know).
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoOperations mongo;

    public MongoPingHealthIndicator(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("ok", answer.get("ok"));
    }
}
