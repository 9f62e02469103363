package se.motesdagen.registration.overview;

import java.time.Instant;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import se.motesdagen.registration.signup.Registration;

/**
 * One timeline per business: what the other services did about a registration (its mails, its visit,
 * its surveys and ballots) goes on the registration's timeline beside what happened here, gathered from
 * the events those services publish anyway.
 *
 * <p>Each is one atomic write that adds the entry with {@code $addToSet} (the same event delivered twice
 * makes the same entry, which is not added again) and raises the version, so a change being made from
 * an older copy at the same moment fails its version check and is made again. An entry names no
 * one: a kind, a time, at most the visit's time.
 */
@Service
public class Timeline {

    private final MongoOperations mongo;

    Timeline(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public void happened(String registrationId, Registration.Happening.Kind kind, String detail, Instant at) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(registrationId)),
                new Update()
                        .addToSet("history", new Registration.Happening(at, kind, detail))
                        .inc("version", 1),
                Registration.class);
    }
}
