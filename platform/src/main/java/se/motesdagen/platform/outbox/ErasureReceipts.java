package se.motesdagen.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * How a service confirms an erasure (GDPR): once it has removed what it held of a registration's people
 * in answer to RegistrationErased, it publishes its own "registration erased" event, once, and the
 * registration service shows the erasure complete when every service has confirmed. The event type is
 * the service's own contract; its body is {@code {registrationId, erasedAt}}.
 */
public class ErasureReceipts {

    private final MongoOperations mongo;
    private final Outbox outbox;
    private final Clock clock;

    public ErasureReceipts(MongoOperations mongo, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Records the confirmation and its event; the same registration again (the erasure event delivered
     * twice) records nothing more. Call it after the erasure itself, so a crash in between erases again
     * on redelivery and confirms then.
     *
     * @return whether this call confirmed it
     */
    public boolean confirm(String type, String registrationId) {
        if (mongo.exists(Query.query(Criteria.where("_id").is(registrationId)), ErasureReceipt.class)) {
            return false;
        }
        Instant now = clock.instant();
        ErasureReceipt receipt = new ErasureReceipt(registrationId, now);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("registrationId", registrationId);
        body.put("erasedAt", now.toString());
        outbox.record(receipt, type, registrationId, body);
        try {
            mongo.insert(receipt);
            return true;
        } catch (DuplicateKeyException another) {
            return false; // the same erasure, confirmed by another delivery at the same moment
        }
    }
}
