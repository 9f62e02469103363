package se.motesdagen.visit.request;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import se.motesdagen.platform.messaging.AddressKey;
import se.motesdagen.platform.outbox.ErasureReceipts;

/**
 * Keeps each registration's visit wish as the registration last described it (confirmed, then changed
 * on the manage page, then perhaps cancelled or erased) and hands the open ones to planning. A wish
 * that is taken back is told to the rest of the service ({@link VisitRequestWithdrawn}) so a visit
 * already published is cancelled.
 */
@Service
public class VisitRequests {

    private static final Logger log = LoggerFactory.getLogger(VisitRequests.class);

    /** This service's confirmation that it erased what it held of a registration's people. */
    static final String REGISTRATION_ERASED_V1 = "se.motesdagen.visit.registration-erased.v1";

    static final String PERSON_ERASED_V1 = "se.motesdagen.visit.person-erased.v1";

    private final VisitRequestRepository requests;
    private final MongoOperations mongo;
    private final MeterRegistry meters;
    private final ApplicationEventPublisher inside;
    private final ErasureReceipts receipts;
    private final Clock clock;

    VisitRequests(
            VisitRequestRepository requests,
            MongoOperations mongo,
            MeterRegistry meters,
            ApplicationEventPublisher inside,
            ErasureReceipts receipts,
            Clock clock) {
        this.clock = clock;
        this.receipts = receipts;
        this.requests = requests;
        this.mongo = mongo;
        this.meters = meters;
        this.inside = inside;
    }

    /** The requests still to be planned, oldest first. */
    public List<VisitRequest> open() {
        return requests.findAllByStatusOrderByRequestedAtDesc(VisitRequest.Status.REQUESTED)
                .reversed();
    }

    /** Stores the request, if the registration asked for a visit (not null); the same one twice stores it once. */
    public void record(VisitRequest request) {
        if (request == null || requests.existsById(request.registrationId())) {
            return;
        }
        try {
            requests.insert(request);
            log.info("Visit request recorded for registration {}", request.registrationId());
            meters.counter("motesdagen.visit.requests.recorded", "event", request.dayId())
                    .increment();
        } catch (DuplicateKeyException concurrentDuplicate) {
            // the other delivery won; one request is what we want
        }
    }

    /**
     * The registration was changed at that moment: the wish as it now reads (new, changed, or asked for
     * again after it was withdrawn), or withdrawn when it has none (null). A change older than the one
     * stored is ignored, and an erased request stays erased.
     */
    public void update(String registrationId, Instant at, VisitRequest asNowDescribed) {
        VisitRequest stored = requests.findById(registrationId).orElse(null);
        if (stored != null
                && (stored.status() == VisitRequest.Status.ERASED
                        || stored.status() == VisitRequest.Status.VISITED
                        || (stored.changedAt() != null && at.isBefore(stored.changedAt())))) {
            return;
        }
        if (asNowDescribed == null) {
            if (stored != null) {
                // told again on a redelivery: calling a visit off twice changes nothing
                withdraw(registrationId, at);
            }
            return;
        }
        if (stored != null && at.equals(stored.changedAt())) {
            return; // this very change is stored already
        }
        requests.save(
                stored == null
                        ? asNowDescribed
                        : asNowDescribed.firstAskedFor(stored.requestedAt()).declining(stored.declined()));
        log.info("Visit request of registration {} now as changed on {}", registrationId, at);
    }

    /** The registration was cancelled: no visit. Told again each time (a redelivery cancels nothing twice). */
    public void cancel(String registrationId, Instant cancelledAt) {
        VisitRequest stored = requests.findById(registrationId).orElse(null);
        if (stored == null || stored.status() == VisitRequest.Status.ERASED) {
            return;
        }
        withdraw(registrationId, cancelledAt);
    }

    private void withdraw(String registrationId, Instant at) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(registrationId)),
                new Update().set("status", VisitRequest.Status.WITHDRAWN).set("changedAt", at),
                VisitRequest.class);
        log.info("Visit request of registration {} withdrawn", registrationId);
        inside.publishEvent(new VisitRequestWithdrawn(registrationId, false));
    }

    /**
     * Erasure (GDPR): the request keeps nothing of the people or the company's words, and is no longer
     * planned. What is left is a marker, so a late or replayed confirmation does not bring it back.
     */
    public void erase(String registrationId) {
        mongo.upsert(
                Query.query(Criteria.where("_id").is(registrationId)),
                new Update()
                        .set("status", VisitRequest.Status.ERASED)
                        .unset("companyName")
                        .unset("organisationNumber")
                        .unset("contactName")
                        .unset("contactEmail")
                        .unset("contactPhone")
                        .unset("meets")
                        .unset("address")
                        .unset("town")
                        .unset("topics"),
                VisitRequest.class);
        log.info("Visit request of registration {} erased", registrationId);
        // the visit planned for it forgets its people too (Publishing), before this service says it is done
        inside.publishEvent(new VisitRequestWithdrawn(registrationId, true));
        receipts.confirm(REGISTRATION_ERASED_V1, registrationId);
    }

    /**
     * One person of a registration erased while it stays (GDPR): when it was the contact (or the key names
     * the contact's address), the request and the visit planned for it keep nothing of the contact; this
     * service holds nothing of the attendees. Then it says it is done, once per erasure.
     */
    public void erasePerson(String erasureId, String registrationId, String addressKey, boolean contact) {
        VisitRequest stored = requests.findById(registrationId).orElse(null);
        if (contact || (stored != null && AddressKey.names(addressKey, stored.contactEmail()))) {
            mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(registrationId)),
                    new Update().unset("contactName").unset("contactEmail").unset("contactPhone"),
                    VisitRequest.class);
            inside.publishEvent(new ContactErased(registrationId));
            log.info("Visit request of registration {}: the contact erased", registrationId);
        }
        receipts.confirm(
                PERSON_ERASED_V1,
                erasureId,
                registrationId,
                Map.of("erasureId", erasureId, "registrationId", registrationId));
    }

    /** The visit took place: the request is done and is not planned again (nor revived by a later change). */
    public void visited(String registrationId) {
        mongo.updateFirst(
                Query.query(
                        Criteria.where("_id").is(registrationId).and("status").is(VisitRequest.Status.REQUESTED)),
                new Update().set("status", VisitRequest.Status.VISITED),
                VisitRequest.class);
    }

    /**
     * The company asked for another time than the one it was given: that time is not planned for it
     * again. Told twice, it is kept once.
     */
    public void decline(String registrationId, Instant from, Instant to) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(registrationId)),
                new Update().addToSet("declined", new VisitRequest.Receivable(from, to)),
                VisitRequest.class);
    }

    /** Staff's name for the visits they add by hand, outside the business day. */
    public static final String BY_HAND_DAY = "foretagsbesok";

    private static final String BY_HAND_PREFIX = "hand-";

    /** Whether the request of that id was added by staff (no registration stands behind it). */
    public static boolean addedByHand(String requestId) {
        return requestId.startsWith(BY_HAND_PREFIX);
    }

    /**
     * A visit staff add by hand (checked by the form first): planned for the days its windows fall on,
     * published and answered like any other. Its id is its own, since no registration stands behind it.
     */
    public VisitRequest addByHand(VisitRequestForm form) {
        Instant now = clock.instant();
        VisitRequest request = requests.insert(new VisitRequest(
                BY_HAND_PREFIX + UUID.randomUUID(),
                BY_HAND_DAY,
                "en".equals(form.getLanguage()) ? "Company visit" : "Företagsbesök",
                null,
                form.getCompany().strip(),
                form.getOrganisationNumber().isBlank()
                        ? null
                        : form.getOrganisationNumber().strip(),
                form.getContactName().strip(),
                form.normalisedEmail(),
                form.getContactPhone().isBlank() ? null : form.getContactPhone().strip(),
                form.getAddress().strip(),
                null,
                form.getTopics().strip(),
                List.of(),
                form.receivable(),
                List.of(),
                form.getLanguage(),
                VisitRequest.Status.REQUESTED,
                now,
                now,
                null,
                form.getMeets() == null || form.getMeets().isBlank()
                        ? null
                        : form.getMeets().strip()));
        log.info("Visit request {} added by staff", request.registrationId());
        meters.counter("motesdagen.visit.requests.recorded", "event", BY_HAND_DAY)
                .increment();
        return request;
    }
}
