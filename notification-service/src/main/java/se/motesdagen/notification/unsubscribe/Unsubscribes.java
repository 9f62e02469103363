package se.motesdagen.notification.unsubscribe;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import se.motesdagen.platform.messaging.AddressKey;

/**
 * Who asked for no more reminders. Each address gets one random token (its link in every reminder's
 * {@code List-Unsubscribe}); the address itself is kept only as a hash, and the link says nothing about
 * it. Unsubscribing stops reminders and nothing else: confirmations, changes and cancellations are
 * answers to what the person did and still go out.
 */
@Component
public class Unsubscribes {

    private static final String COLLECTION = "unsubscribes";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoOperations mongo;
    private final Clock clock;
    private final String publicBaseUrl;

    Unsubscribes(MongoOperations mongo, Clock clock, @Value("${motesdagen.public-base-url}") String publicBaseUrl) {
        this.mongo = mongo;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
        // the link's token finds the entry: one token, one address, found without reading them all
        mongo.indexOps(COLLECTION)
                .createIndex(new Index("token", Sort.Direction.ASC).unique().named("token"));
    }

    /** The address's unsubscribe link, made the first time it is asked for. */
    public String link(String email) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        Document entry = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(AddressKey.of(email))),
                new Update()
                        .setOnInsert(
                                "token", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class,
                COLLECTION);
        return publicBaseUrl + "/utskick/avregistrera?token=" + entry.getString("token");
    }

    public boolean hasUnsubscribed(String email) {
        return unsubscribedAt(email).isPresent();
    }

    /** When the address asked not to get reminders; empty if it never did. */
    public Optional<Instant> unsubscribedAt(String email) {
        Document entry = mongo.findById(AddressKey.of(email), Document.class, COLLECTION);
        return entry == null || entry.getDate("unsubscribedAt") == null
                ? Optional.empty()
                : Optional.of(entry.getDate("unsubscribedAt").toInstant());
    }

    /** Records the wish; false for a token nobody was given. */
    public boolean unsubscribe(String token) {
        return Optional.ofNullable(mongo.findAndModify(
                        Query.query(Criteria.where("token").is(token)),
                        new Update().set("unsubscribedAt", clock.instant()),
                        Document.class,
                        COLLECTION))
                .isPresent();
    }

    public boolean known(String token) {
        return mongo.exists(Query.query(Criteria.where("token").is(token)), COLLECTION);
    }
}
