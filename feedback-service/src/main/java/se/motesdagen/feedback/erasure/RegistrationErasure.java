package se.motesdagen.feedback.erasure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import se.motesdagen.feedback.participant.Participants;
import se.motesdagen.feedback.proposal.Proposals;
import se.motesdagen.feedback.survey.Invitations;
import se.motesdagen.feedback.vote.Votes;
import se.motesdagen.platform.outbox.ErasureReceipts;

/**
 * A registration erased (GDPR): the participant is forgotten, its survey invitations and ballots no
 * longer name anyone nor the company, not even by their ids (which were made from the registration's id),
 * their words go, the proposals it made leave the board, and then this service says it is done. The
 * grades and votes stay, anonymous, in the figures.
 */
@Service
public class RegistrationErasure {

    /** This service's confirmation that it erased what it held of a registration's people. */
    static final String REGISTRATION_ERASED_V1 = "se.motesdagen.feedback.registration-erased.v1";

    /** This service's confirmation that it erased what it held of one person of a registration. */
    static final String PERSON_ERASED_V1 = "se.motesdagen.feedback.person-erased.v1";

    /** The collections whose document ids are made from the registration's id. */
    private static final List<String> KEYED_BY_REGISTRATION = List.of("invitations", "ballots");

    private final Participants participants;
    private final Invitations invitations;
    private final Votes votes;
    private final Proposals proposals;
    private final MongoOperations mongo;
    private final ErasureReceipts receipts;

    RegistrationErasure(
            Participants participants,
            Invitations invitations,
            Votes votes,
            Proposals proposals,
            MongoOperations mongo,
            ErasureReceipts receipts) {
        this.participants = participants;
        this.invitations = invitations;
        this.votes = votes;
        this.proposals = proposals;
        this.mongo = mongo;
        this.receipts = receipts;
    }

    /** Idempotent: a second delivery (or one after a crash part way) finishes what is left and finds the rest done. */
    public void forget(String registrationId) {
        List<String> sources = new ArrayList<>();
        sources.add(Participants.proposalSourceOf(registrationId));
        invitations.idsOf(registrationId).forEach(id -> sources.add(Invitations.proposalSourceOf(id)));
        proposals.forgetSources(sources);
        KEYED_BY_REGISTRATION.forEach(collection -> markForNewIds(collection, registrationId));
        invitations.forget(registrationId);
        votes.forget(registrationId);
        KEYED_BY_REGISTRATION.forEach(this::moveToNewIds);
        participants.erase(registrationId);
        receipts.confirm(REGISTRATION_ERASED_V1, registrationId);
    }

    /**
     * The registration's documents in the collection get the new random id they will move to: their ids
     * were made from the registration's id, so they would lead back to the company. Written down before
     * anything moves, so that a retry after a crash finishes the same move.
     */
    private void markForNewIds(String collection, String registrationId) {
        Query unmarked = Query.query(Criteria.where("registrationId")
                .is(registrationId)
                .and("rekeyedAs")
                .exists(false));
        unmarked.fields().include("_id");
        for (Document found : mongo.find(unmarked, Document.class, collection)) {
            mongo.updateFirst(
                    Query.query(Criteria.where("_id")
                            .is(found.get("_id"))
                            .and("rekeyedAs")
                            .exists(false)),
                    new Update().set("rekeyedAs", "raderad-" + UUID.randomUUID()),
                    collection);
        }
    }

    /**
     * Moves every marked document to its new id, once it names nobody: a copy under the new id, then the
     * old one removed. What waits in its outbox is dropped with it (it would name the person).
     */
    private void moveToNewIds(String collection) {
        for (Document old :
                mongo.find(Query.query(Criteria.where("rekeyedAs").exists(true)), Document.class, collection)) {
            String newId = old.getString("rekeyedAs");
            Document moved = new Document(old);
            moved.put("_id", newId);
            moved.remove("rekeyedAs");
            moved.put("outbox", List.of());
            try {
                mongo.insert(moved, collection);
            } catch (DuplicateKeyException duplicate) {
                if (!mongo.exists(Query.query(Criteria.where("_id").is(newId)), collection)) {
                    throw duplicate; // another unique field: keep the old one rather than lose it
                }
                // the earlier attempt got this far
            }
            mongo.remove(Query.query(Criteria.where("_id").is(old.get("_id"))), collection);
        }
    }

    /**
     * One person of a registration erased while it stays: their survey invitations and ballots no longer
     * name them. When it was the contact, the participant goes as in an erasure: it is kept only to reach
     * the contact, and there is nobody left to ask.
     */
    public void forgetPerson(String erasureId, String registrationId, String addressKey, boolean contact) {
        if (contact) {
            participants.erase(registrationId);
        }
        invitations.forgetPerson(registrationId, addressKey);
        votes.forgetPerson(registrationId, addressKey);
        receipts.confirm(
                PERSON_ERASED_V1,
                erasureId,
                registrationId,
                Map.of("erasureId", erasureId, "registrationId", registrationId));
    }
}
