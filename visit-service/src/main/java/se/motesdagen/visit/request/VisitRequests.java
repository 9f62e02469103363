package se.motesdagen.visit.request;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Records the visit requests that come with confirmed registrations, and hands the open ones to planning. */
@Service
public class VisitRequests {

    private static final Logger log = LoggerFactory.getLogger(VisitRequests.class);

    private final VisitRequestRepository requests;
    private final MongoOperations mongo;
    private final MeterRegistry meters;

    VisitRequests(VisitRequestRepository requests, MongoOperations mongo, MeterRegistry meters) {
        this.requests = requests;
        this.mongo = mongo;
        this.meters = meters;
    }

    /** The requests still to be planned, oldest first. */
    public List<VisitRequest> open() {
        return requests.findAllByStatusOrderByRequestedAtDesc(VisitRequest.Status.REQUESTED)
                .reversed();
    }

    /**
     * Erasure (GDPR): the request keeps nothing of the people or the company's words, and is no longer
     * planned. What is left is a marker, so a late or replayed confirmation does not bring it back.
     */
    void erase(String registrationId) {
        mongo.upsert(
                Query.query(Criteria.where("_id").is(registrationId)),
                new Update()
                        .set("status", VisitRequest.Status.ERASED)
                        .unset("companyName")
                        .unset("organisationNumber")
                        .unset("contactName")
                        .unset("contactEmail")
                        .unset("contactPhone")
                        .unset("address")
                        .unset("topics"),
                VisitRequest.class);
        log.info("Visit request of registration {} erased", registrationId);
    }

    /** Stores the request if the registration asked for a visit; the same event twice stores it once. */
    void record(RegistrationConfirmed confirmed, String sourceMessageId) {
        if (confirmed.visitRequest() == null || requests.existsById(confirmed.registrationId())) {
            return;
        }
        try {
            requests.insert(new VisitRequest(
                    confirmed.registrationId(),
                    confirmed.eventId(),
                    confirmed.eventName(),
                    confirmed.company().name(),
                    confirmed.company().organisationNumber(),
                    confirmed.contact().name(),
                    confirmed.contact().email(),
                    confirmed.contact().phone(),
                    confirmed.visitRequest().address(),
                    confirmed.visitRequest().topics(),
                    VisitRequest.Status.REQUESTED,
                    confirmed.confirmedAt(),
                    sourceMessageId));
            log.info("Visit request recorded for registration {}", confirmed.registrationId());
            meters.counter("motesdagen.visit.requests.recorded", "event", confirmed.eventId())
                    .increment();
        } catch (DuplicateKeyException concurrentDuplicate) {
            // the other delivery won; one request is what we want
        }
    }
}
