package se.motesdagen.registration.overview;

import java.time.Instant;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import se.motesdagen.registration.signup.Registration;

/**
 * What became of the mails about a registration: each goes on the registration's timeline, and a mail
 * to the contact that bounced or was refused for good marks the contact's address as unreachable, so
 * staff call instead of writing again.
 *
 * <p>Each is one atomic write that adds the timeline entry with {@code $addToSet} (the same report
 * delivered twice makes the same entry, which is not added again) and raises the version, so a change
 * being made from an older copy at the same moment fails its version check and is made again.
 */
@Service
public class MailOutcomes {

    private final MongoOperations mongo;

    MailOutcomes(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public void happened(String registrationId, Registration.Happening.Kind kind, String mailKind, Instant at) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(registrationId)),
                new Update()
                        .addToSet("history", new Registration.Happening(at, kind, mailKind))
                        .inc("version", 1),
                Registration.class);
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
