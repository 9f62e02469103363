package se.motesdagen.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * How a service answers an access request (GDPR art. 15, "registerutdrag"): the registration service asks
 * every service what it holds about an organisation or an e-mail address, and each answers with its own
 * "access answered" event listing what it found, once per request. The registration service gathers the
 * answers into one document for the person who asked. The event type is the service's own contract; its
 * body is {@code {requestId, answeredAt, records: [{category, id, fields: [{name, value}]}]}}.
 */
public class AccessAnswers {

    private final MongoOperations mongo;
    private final Outbox outbox;
    private final Clock clock;

    public AccessAnswers(MongoOperations mongo, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Records the answer and its event; the same request again (delivered twice) answers nothing more.
     *
     * @return whether this call answered it
     */
    public boolean answer(String type, String requestId, List<Held> records) {
        if (mongo.exists(Query.query(Criteria.where("_id").is(requestId)), AccessAnswer.class)) {
            return false;
        }
        Instant now = clock.instant();
        AccessAnswer answer = new AccessAnswer(requestId, now);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", requestId);
        body.put("answeredAt", now.toString());
        body.put("records", records);
        outbox.record(answer, type, requestId, body);
        try {
            mongo.insert(answer);
            return true;
        } catch (DuplicateKeyException another) {
            return false; // the same request, answered by another delivery at the same moment
        }
    }

    /**
     * One thing a service holds about the person: what kind of thing ({@code category}, in Swedish, as
     * the person reads it), its id, and its fields as label and value in the order they are read. Empty
     * values are left out.
     */
    public record Held(String category, String id, List<Field> fields) {

        public Held {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }

        public static Builder of(String category, String id) {
            return new Builder(category, id);
        }

        public record Field(String name, String value) {}

        /** Fields in order; a null or blank value is skipped, so a record lists only what is there. */
        public static final class Builder {
            private final String category;
            private final String id;
            private final List<Field> fields = new ArrayList<>();

            private Builder(String category, String id) {
                this.category = category;
                this.id = id;
            }

            public Builder field(String name, Object value) {
                if (value != null && !value.toString().isBlank()) {
                    fields.add(new Field(name, value.toString()));
                }
                return this;
            }

            public Held build() {
                return new Held(category, id, fields);
            }
        }
    }
}
