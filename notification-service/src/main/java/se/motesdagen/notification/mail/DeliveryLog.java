package se.motesdagen.notification.mail;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The delivery log as staff search it: by part of the address, kind, outcome and the days it was made. */
@Service
public class DeliveryLog {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private final MongoOperations mongo;

    DeliveryLog(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Any part left out (null or blank) matches every message; the days are Stockholm's, both included. */
    public record Search(
            String recipient, String template, OutgoingMessage.Status status, LocalDate from, LocalDate to) {}

    /** One page of the messages found, newest first, without their bodies and files. */
    public record Page(List<OutgoingMessage> messages, long found) {}

    public Page page(Search search, int page, int pageSize) {
        Criteria criteria = new Criteria();
        if (search.recipient() != null && !search.recipient().isBlank()) {
            criteria.and("recipient").regex(Pattern.quote(search.recipient().strip()), "i");
        }
        if (search.template() != null && !search.template().isBlank()) {
            criteria.and("template").is(search.template());
        }
        if (search.status() != null) {
            criteria.and("status").is(search.status());
        }
        if (search.from() != null || search.to() != null) {
            Criteria created = criteria.and("createdAt");
            if (search.from() != null) {
                created.gte(search.from().atStartOfDay(STOCKHOLM).toInstant());
            }
            if (search.to() != null) {
                created.lt(search.to().plusDays(1).atStartOfDay(STOCKHOLM).toInstant());
            }
        }
        Query query = Query.query(criteria);
        long found = mongo.count(query, OutgoingMessage.class);
        query.with(Sort.by(Sort.Direction.DESC, "createdAt"))
                .skip((long) (page - 1) * pageSize)
                .limit(pageSize);
        query.fields().exclude("body", "html", "attachments", "outbox");
        return new Page(mongo.find(query, OutgoingMessage.class), found);
    }

    /** The copies staff sent again of a message, oldest first. */
    public List<OutgoingMessage> copiesOf(String messageId) {
        return mongo.find(
                Query.query(Criteria.where("resentFrom").is(messageId)).with(Sort.by("createdAt")),
                OutgoingMessage.class);
    }
}
