package se.motesdagen.registration.access;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import se.motesdagen.platform.outbox.AccessAnswers.Held;
import se.motesdagen.platform.outbox.Outbox;
import se.motesdagen.platform.storage.SameAddress;
import se.motesdagen.registration.signup.Registration;

/**
 * Access requests (GDPR art. 15): an administrator names an organisation or an e-mail address, this
 * service answers at once with the registrations it holds and asks the others through AccessRequested;
 * their answers arrive as events and are gathered on the request. Never by reading another service's
 * database.
 */
@Service
public class AccessRequests {

    static final String ACCESS_REQUESTED_V1 = "se.motesdagen.registration.access-requested.v1";
    private static final Logger log = LoggerFactory.getLogger(AccessRequests.class);
    private static final int RECENT = 50;

    private final MongoOperations mongo;
    private final Outbox outbox;
    private final RegistrationRecords records;
    private final Clock clock;
    private final Period keptFor;

    AccessRequests(
            MongoOperations mongo,
            Outbox outbox,
            RegistrationRecords records,
            Clock clock,
            @Value("${motesdagen.registration.access-requests-kept-for:P30D}") Period keptFor) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.records = records;
        this.clock = clock;
        this.keptFor = keptFor;
    }

    /** Opens a request about the subject: this service's answer in it, the others asked. */
    public AccessRequest ask(AccessSubject subject, String requestedBy) {
        List<Registration> found = mongo.find(Query.query(matching(subject)), Registration.class);
        List<String> ids = found.stream().map(Registration::getId).toList();
        Instant now = clock.instant();
        AccessRequest request = new AccessRequest(UUID.randomUUID().toString(), subject, requestedBy, now, ids);
        request.answeredHere(new AccessRequest.Answer(now, records.of(found)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", request.getId());
        body.put("requestedAt", now.toString());
        switch (subject.kind()) {
            case ORGANISATION_NUMBER -> body.put("organisationNumber", subject.value());
            case EMAIL -> body.put("email", subject.value());
            case PERSONAL_IDENTITY_NUMBER -> {} // a personnummer never leaves: the others go by the registrations
        }
        body.put("registrationIds", ids);
        outbox.record(request, ACCESS_REQUESTED_V1, request.getId(), body);
        mongo.insert(request);
        log.info("Access request {} opened: {} registrations found here", request.getId(), ids.size());
        return request;
    }

    private static Criteria matching(AccessSubject subject) {
        return switch (subject.kind()) {
            case ORGANISATION_NUMBER ->
                Criteria.where("company.organisationNumber").is(subject.value());
            case PERSONAL_IDENTITY_NUMBER ->
                Criteria.where("company.identityKey").is(subject.value());
            case EMAIL ->
                new Criteria()
                        .orOperator(
                                Criteria.where("contactEmailKey").is(subject.value()),
                                SameAddress.in("participants.email", subject.value()));
        };
    }

    /**
     * Another service's answer. Told twice, the first stands; an answer to a request no longer kept
     * (its time ran out) is dropped. One atomic write, so two answers arriving together both stay.
     */
    public void answered(String service, String requestId, Instant answeredAt, List<Held> held) {
        var result = mongo.updateFirst(
                Query.query(Criteria.where("_id")
                        .is(requestId)
                        .and("answers." + service)
                        .exists(false)),
                new Update()
                        .set("answers." + service, new AccessRequest.Answer(answeredAt, held))
                        .inc("version", 1),
                AccessRequest.class);
        if (result.getModifiedCount() > 0) {
            log.info("Access request {}: the {} service answered with {} records", requestId, service, held.size());
        }
    }

    public Optional<AccessRequest> find(String id) {
        return Optional.ofNullable(mongo.findById(id, AccessRequest.class));
    }

    /** The latest requests, newest first. */
    public List<AccessRequest> recent() {
        Query latest =
                new Query().with(Sort.by(Sort.Direction.DESC, "requestedAt")).limit(RECENT);
        return new ArrayList<>(mongo.find(latest, AccessRequest.class));
    }

    /** Removes the requests older than they are kept for, with the copies they hold; returns how many. */
    public long forgetExpired() {
        Instant before = clock.instant().atZone(clock.getZone()).minus(keptFor).toInstant();
        long removed = mongo.remove(Query.query(Criteria.where("requestedAt").lt(before)), AccessRequest.class)
                .getDeletedCount();
        if (removed > 0) {
            log.info("Removed {} access requests older than {}", removed, keptFor);
        }
        return removed;
    }
}
