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
        return confirm(type, registrationId, registrationId, Map.of("registrationId", registrationId));
    }

    /**
     * The same for one erasure of several of a registration (one person of it, say), told apart by its
     * own id: the event, keyed by {@code subject}, says {@code about} and when.
     *
     * @param receiptId what makes a second delivery the same erasure (the erasure's id)
     */
    public boolean confirm(String type, String receiptId, String subject, Map<String, Object> about) {
        if (mongo.exists(Query.query(Criteria.where("_id").is(receiptId)), ErasureReceipt.class)) {
            return false;
        }
        Instant now = clock.instant();
        ErasureReceipt receipt = new ErasureReceipt(receiptId, now);
        Map<String, Object> body = new LinkedHashMap<>(about);
        body.put("erasedAt", now.toString());
        outbox.record(receipt, type, subject, body);
        try {
            mongo.insert(receipt);
            return true;
        } catch (DuplicateKeyException another) {
            return false; // the same erasure, confirmed by another delivery at the same moment
        }
    }
}
