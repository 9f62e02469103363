package se.motesdagen.platform.outbox;

import com.mongodb.client.result.UpdateResult;
import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a service publishes: it records an event for an aggregate with one call, and the relay is told
 * when the aggregate is written. Each event is stamped here (id, time from the service's clock, the
 * trace it belongs to) and its body serialised once, so what the producer's contract test validated is
 * what goes out.
 *
 * <ul>
 *   <li>A change saved as a whole aggregate (a repository's {@code save} or {@code insert}):
 *       {@link #record(HasOutbox, String, String, Object)}, then save; the save tells the relay.
 *   <li>A change written as an update of one document:
 *       {@link #updateFirst(Query, Update, Class, String, String, Object)} writes it with its event.
 *   <li>A record that says a thing was done once (a receipt, an answer), with the event that says so:
 *       {@link #insertOnce(HasOutbox, Object, String, String, Object)}.
 * </ul>
 */
public class Outbox {

    private final MongoOperations mongo;
    private final OutboxRelay relay;
    private final OutboxTracing tracing;
    private final JsonMapper json;
    private final Clock clock;

    public Outbox(MongoOperations mongo, OutboxRelay relay, OutboxTracing tracing, JsonMapper json, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.tracing = tracing;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Adds an event to the aggregate's outbox; it is published once the aggregate is saved.
     *
     * @param type the versioned CloudEvents type, which names the contract schema
     * @param subject the Kafka key: the id of the aggregate whose events must stay in order
     * @param body the event's data, serialised to JSON as the contract describes it
     */
    public void record(HasOutbox aggregate, String type, String subject, Object body) {
        aggregate.outbox().add(event(type, subject, body));
    }

    /**
     * Writes an update of one document, named by its {@code _id} in the query, together with its event,
     * and tells the relay when a document was changed. For changes that are not a save of the whole
     * aggregate (a fenced status change, say); the event is written or not with the change.
     */
    public UpdateResult updateFirst(
            Query query,
            Update update,
            Class<? extends HasOutbox> aggregateType,
            String type,
            String subject,
            Object body) {
        Object id = query.getQueryObject().get("_id");
        if (id == null) {
            throw new IllegalArgumentException("An outbox update must name its document by _id: " + query);
        }
        update.push(OutboxRelay.OUTBOX, event(type, subject, body));
        UpdateResult result = mongo.updateFirst(query, update, aggregateType);
        if (result.getModifiedCount() > 0) {
            relay.hint(mongo.getCollectionName(aggregateType), id);
        }
        return result;
    }

    /**
     * Inserts a new aggregate with its one event, once: when one with that id is stored already (the
     * same event delivered again, or another delivery at the same moment) nothing is written.
     *
     * @return whether this call wrote it
     */
    public boolean insertOnce(HasOutbox aggregate, Object id, String type, String subject, Object body) {
        if (mongo.exists(Query.query(Criteria.where("_id").is(id)), aggregate.getClass())) {
            return false;
        }
        record(aggregate, type, subject, body);
        try {
            mongo.insert(aggregate);
            return true;
        } catch (DuplicateKeyException another) {
            return false;
        }
    }

    private OutboxEvent event(String type, String subject, Object body) {
        return tracing.stamp(OutboxEvent.of(type, subject, clock.instant(), json.writeValueAsString(body)));
    }
}
