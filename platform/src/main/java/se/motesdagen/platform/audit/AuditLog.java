package se.motesdagen.platform.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.motesdagen.platform.security.StaffMember;

/**
 * The service's audit log, in its own database ({@code audit}): lines are only ever added, and taken
 * away only when they have passed their retention ({@link #expire}); there is no way here to change one.
 */
public class AuditLog {

    static final String COLLECTION = "audit";

    /** At most this many lines on the page. */
    static final int PAGE = 500;

    private final MongoOperations mongo;
    private final Clock clock;

    public AuditLog(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(COLLECTION)
                .createIndex(new Index().on("at", Sort.Direction.DESC).named("by_time"));
    }

    /** Adds a line for what the member of staff did; an anonymous request records nothing. */
    public void record(StaffMember who, String action, String record, String client) {
        mongo.insert(
                new Document("at", clock.instant())
                        .append("subject", who.subject())
                        .append(
                                "roles",
                                who.roles().stream().map(Enum::name).sorted().toList())
                        .append("action", action)
                        .append("record", record == null ? "" : record)
                        .append("client", client == null ? "" : client),
                COLLECTION);
    }

    /**
     * What a filter asks for, newest first, at most {@value #PAGE} lines.
     *
     * @param action exactly this action, or null
     * @param subject exactly this subject, or null
     * @param record exactly this record, or null
     * @param from at or after, or null
     * @param until before, or null
     */
    public List<AuditEntry> find(String action, String subject, String record, Instant from, Instant until) {
        Criteria where = new Criteria();
        if (action != null) {
            where = where.and("action").is(action);
        }
        if (subject != null) {
            where = where.and("subject").is(subject);
        }
        if (record != null) {
            where = where.and("record").is(record);
        }
        if (from != null || until != null) {
            Criteria at = where.and("at");
            if (from != null) {
                at.gte(from);
            }
            if (until != null) {
                at.lt(until);
            }
        }
        Query query =
                Query.query(where).with(Sort.by(Sort.Direction.DESC, "at")).limit(PAGE);
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(line -> new AuditEntry(
                        line.getDate("at").toInstant(),
                        line.getString("subject"),
                        line.getList("roles", String.class),
                        line.getString("action"),
                        line.getString("record"),
                        line.getString("client")))
                .toList();
    }

    /** The actions the log holds, for the page's filter. */
    public List<String> actions() {
        return mongo.findDistinct(new Query(), "action", COLLECTION, String.class).stream()
                .sorted()
                .toList();
    }

    /** Removes the lines older than {@code before}; returns how many. */
    public long expire(Instant before) {
        return mongo.remove(Query.query(Criteria.where("at").lt(before)), COLLECTION)
                .getDeletedCount();
    }
}
