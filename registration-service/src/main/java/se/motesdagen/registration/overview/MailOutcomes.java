package se.motesdagen.registration.overview;

import java.time.Instant;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import se.motesdagen.registration.signup.Registration;

/**
 * What became of the mails about a registration, besides its line on the timeline ({@link Timeline}): a
 * mail to the contact that bounced or was refused for good marks the contact's address as unreachable,
 * so staff call instead of writing again.
 */
@Service
public class MailOutcomes {

    private final MongoOperations mongo;

    MailOutcomes(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Only when the mail went to the contact, and only if no later mail got through since. */
    public void unreachable(String registrationId, String recipient, Instant at, String reason) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id")
                        .is(registrationId)
                        .and("contactEmailKey")
                        .is(Registration.emailKey(recipient))),
                new Update()
                        .set("contactUnreachable", new Registration.Unreachable(at, reason))
                        .inc("version", 1),
                Registration.class);
    }
}
