package se.motesdagen.feedback.participant;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import se.motesdagen.feedback.proposal.Proposal;
import se.motesdagen.feedback.proposal.Proposals;

/** Notes the companies that take part, for the surveys and follow-up reports that come later. */
@Service
public class Participants {

    private static final Logger log = LoggerFactory.getLogger(Participants.class);

    static final String ERASURES = "erasedRegistrations";

    private final ParticipantRepository participants;
    private final MongoOperations mongo;
    private final Clock clock;
    private final MeterRegistry meters;

    private final Proposals proposals;

    Participants(
            ParticipantRepository participants,
            MongoOperations mongo,
            Clock clock,
            MeterRegistry meters,
            Proposals proposals) {
        this.proposals = proposals;
        this.participants = participants;
        this.mongo = mongo;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Erasure (GDPR): the participant is forgotten. A marker with only the registration id stays, so a
     * late or replayed confirmation does not bring the person back.
     */
    /** What the registration's "what should the municipality change?" is received as on the proposals board. */
    public static String proposalSourceOf(String registrationId) {
        return "anmalan-" + registrationId;
    }

    public void erase(String registrationId) {
        mongo.upsert(
                Query.query(Criteria.where("_id").is(registrationId)),
                new Update().setOnInsert("erasedAt", clock.instant()),
                ERASURES);
        participants.deleteById(registrationId);
        log.info("Participant of registration {} erased", registrationId);
    }

    /** Someone of the company was checked in: the first time counts, for the survey after the day. */
    public void attended(String registrationId, Instant at) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id")
                        .is(registrationId)
                        .and("attendedAt")
                        .isNull()),
                new Update().set("attendedAt", at),
                Participant.class);
    }

    /** The participants who came, checked in before {@code cutoff}, and have not been asked about the day. */
    public List<Participant> dueForDaySurvey(Instant cutoff) {
        return mongo.find(
                Query.query(Criteria.where("attendedAt")
                        .lte(cutoff)
                        .and("daySurveyAt")
                        .isNull()),
                Participant.class);
    }

    /** Notes that the participant has been asked about the day. */
    public void askedAboutTheDay(String registrationId, Instant at) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(registrationId)),
                new Update().set("daySurveyAt", at),
                Participant.class);
    }

    /** Every participant known and not erased: whom a follow-up report goes to. */
    public List<Participant> everyone() {
        return participants.findAll();
    }

    /** The participant of a registration, if it is known and not erased. */
    public Optional<Participant> find(String registrationId) {
        return registrationId == null ? Optional.empty() : participants.findById(registrationId);
    }

    private boolean erased(String registrationId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(registrationId)), ERASURES);
    }

    /**
     * A company that takes part, and its suggestion a proposal (first, and idempotent: a delivery that
     * stopped after the participant still leaves the proposal). The same participant twice is kept once;
     * one that was erased is not brought back.
     */
    public void record(Participant participant, String suggestion) {
        if (erased(participant.registrationId())) {
            return;
        }
        proposals.receive(proposalSourceOf(participant.registrationId()), Proposal.Source.REGISTRATION, suggestion);
        if (participants.existsById(participant.registrationId())) {
            return;
        }
        try {
            participants.insert(participant);
            log.info("Participant recorded for registration {}", participant.registrationId());
            meters.counter("motesdagen.feedback.participants.recorded", "event", participant.dayId())
                    .increment();
        } catch (DuplicateKeyException concurrentDuplicate) {
            // the other delivery won; one participant is what we want
        }
    }
}
