package se.motesdagen.notification.unsubscribe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import se.motesdagen.platform.messaging.AddressKey;
import se.motesdagen.platform.security.LinkSecret;

/**
 * Who asked for no more reminders. Each reminder carries a link of its own (also its
 * {@code List-Unsubscribe}): a random secret of which only the SHA-256 is stored, with the address's key
 * (a hash too) and when the link runs out, so neither a copy of the store nor an old mail in someone
 * else's hands stops a person's reminders for ever. Unsubscribing stops reminders and nothing else:
 * confirmations, changes and cancellations are answers to what the person did and still go out.
 */
@Component
public class Unsubscribes {

    private static final Logger log = LoggerFactory.getLogger(Unsubscribes.class);

    private static final String COLLECTION = "unsubscribes";

    /** The form of the tokens made before links were hashed (24 random bytes), still in mails people have. */
    private static final Pattern OLD_TOKEN = Pattern.compile("[A-Za-z0-9_-]{32}");

    /** One document per link given out: its secret's hash as the id, the address's key, when it runs out. */
    private static final String LINKS = "unsubscribeLinks";

    private final MongoOperations mongo;
    private final Clock clock;
    private final String publicBaseUrl;
    private final Duration validFor;

    Unsubscribes(
            MongoOperations mongo,
            Clock clock,
            @Value("${motesdagen.public-base-url}") String publicBaseUrl,
            @Value("${motesdagen.notification.unsubscribe-link-valid-for:P180D}") Duration validFor) {
        this.mongo = mongo;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
        this.validFor = validFor;
        mongo.indexOps(LINKS).createIndex(new Index("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
        hashStoredTokens();
    }

    /**
     * Entries from before links were hashed kept one token per address in clear, valid for ever: each
     * becomes a hashed link valid from now, and the clear token goes.
     */
    private void hashStoredTokens() {
        var indexes = mongo.indexOps(COLLECTION);
        if (indexes.getIndexInfo().stream().anyMatch(index -> "token".equals(index.getName()))) {
            indexes.dropIndex("token");
        }
        Query withToken = Query.query(Criteria.where("token").exists(true));
        int upgraded = 0;
        for (Document entry : mongo.find(withToken, Document.class, COLLECTION)) {
            mongo.upsert(
                    Query.query(Criteria.where("_id").is(LinkSecret.hash(entry.getString("token")))),
                    new Update()
                            .setOnInsert("address", entry.get("_id"))
                            .setOnInsert("expiresAt", clock.instant().plus(validFor)),
                    LINKS);
            mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(entry.get("_id"))), new Update().unset("token"), COLLECTION);
            upgraded++;
        }
        if (upgraded > 0) {
            log.info("{} unsubscribe tokens stored in clear are now hashed links", upgraded);
        }
    }

    /** A new unsubscribe link for the address, for one reminder. */
    public String link(String email) {
        String secret = LinkSecret.issue();
        mongo.insert(
                new Document("_id", LinkSecret.hash(secret))
                        .append("address", AddressKey.of(email))
                        .append("expiresAt", clock.instant().plus(validFor)),
                LINKS);
        return publicBaseUrl + "/utskick/avregistrera?token=" + secret;
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

    /** Records the wish; false for a link nobody was given, or one that has run out. */
    public boolean unsubscribe(String token) {
        Optional<Document> link = link(token, clock.instant());
        link.ifPresent(found -> mongo.upsert(
                Query.query(Criteria.where("_id").is(found.get("address"))),
                new Update().set("unsubscribedAt", clock.instant()),
                COLLECTION));
        return link.isPresent();
    }

    public boolean known(String token) {
        return link(token, clock.instant()).isPresent();
    }

    private Optional<Document> link(String token, Instant now) {
        if (!LinkSecret.isWellFormed(token)
                && !OLD_TOKEN.matcher(token == null ? "" : token).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findOne(
                Query.query(Criteria.where("_id")
                        .is(LinkSecret.hash(token))
                        .and("expiresAt")
                        .gt(now)),
                Document.class,
                LINKS));
    }
}
