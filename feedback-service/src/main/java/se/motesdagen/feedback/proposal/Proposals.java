package se.motesdagen.feedback.proposal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import se.motesdagen.platform.outbox.FreshRead;

/** The proposals board: what comes in, and what staff do with it. */
@Service
public class Proposals {

    public static final int MAX_TEXT = 2000;
    private static final Logger log = LoggerFactory.getLogger(Proposals.class);

    private final ProposalRepository proposals;
    private final MongoOperations mongo;
    private final Clock clock;

    Proposals(ProposalRepository proposals, MongoOperations mongo, Clock clock) {
        this.proposals = proposals;
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * A proposal from outside (the registration's "what should the municipality change?", a survey
     * answer): stored once per source, whatever the number of deliveries; blank text is no proposal.
     */
    public void receive(String sourceKey, Proposal.Source source, String text) {
        if (text == null || text.isBlank() || proposals.existsById(sourceKey)) {
            return;
        }
        String words = text.strip();
        if (words.length() > MAX_TEXT) {
            words = words.substring(0, MAX_TEXT);
        }
        try {
            proposals.insert(new Proposal(sourceKey, words, source, clock.instant()));
            log.info("Proposal {} received", sourceKey);
        } catch (DuplicateKeyException concurrentDuplicate) {
            // the other delivery stored it
        }
    }

    /** What stands where an erased person's own words stood in a proposal staff had taken further. */
    public static final String ERASED_TEXT = "(Förslaget är borttaget: den som lämnade det har raderats.)";

    /**
     * The registration behind these proposals was erased (GDPR): a proposal nobody has worked on yet
     * (open, merged with nothing, on no vote) goes, as the person's own words. One staff took further
     * stays with the wording staff gave it, under an id that no longer leads to the registration; where
     * staff kept the person's words as they were, they give way to {@link #ERASED_TEXT}, on the board, on
     * the votes and in the reports that quote them.
     *
     * @param sourceKeys what the proposals were received as ({@link #receive})
     */
    public void forgetSources(List<String> sourceKeys) {
        for (Proposal proposal : proposals.findAllById(sourceKeys)) {
            String id = proposal.getId();
            boolean workedOn = proposal.getStatus() != Proposal.Status.OPEN
                    || mongo.exists(Query.query(Criteria.where("mergedInto").is(id)), Proposal.class)
                    || mongo.exists(
                            Query.query(Criteria.where("items.proposalId").is(id)), "votes");
            if (!workedOn) {
                proposals.deleteById(id);
                log.info("Proposal {} of an erased registration removed", id);
                continue;
            }
            String words = proposal.getOriginalText();
            Update update = new Update().unset("originalText");
            if (words != null && words.equals(proposal.getText())) {
                update.set("text", ERASED_TEXT);
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, Proposal.class);
            if (words != null) {
                mongo.updateMulti(
                        Query.query(Criteria.where("items.proposalId").is(id)),
                        new Update()
                                .set("items.$[item].text", ERASED_TEXT)
                                .filterArray(Criteria.where("item.proposalId")
                                        .is(id)
                                        .and("item.text")
                                        .is(words)),
                        "votes");
                mongo.updateMulti(
                        Query.query(Criteria.where("lines.proposal").is(words)),
                        new Update()
                                .set("lines.$[line].proposal", ERASED_TEXT)
                                .filterArray(Criteria.where("line.proposal").is(words)),
                        "reports");
            }
            moveToNewId(id);
            log.info("Proposal {} of an erased registration anonymised", id);
        }
    }

    /**
     * Moves a proposal to a new random id (its id was made from the registration's), and what refers to it
     * along: proposals merged into it, the votes it is on, the ballots that chose it. The new id is written
     * down first, so that a retry after a crash finishes the same move.
     */
    private void moveToNewId(String id) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id).and("rekeyedAs").exists(false)),
                new Update().set("rekeyedAs", "raderad-" + UUID.randomUUID()),
                Proposal.class);
        Document old = mongo.findById(id, Document.class, "proposals");
        if (old == null) {
            return;
        }
        String newId = old.getString("rekeyedAs");
        Document moved = new Document(old);
        moved.put("_id", newId);
        moved.remove("rekeyedAs");
        if (!mongo.exists(Query.query(Criteria.where("_id").is(newId)), "proposals")) {
            mongo.insert(moved, "proposals");
        }
        mongo.updateMulti(
                Query.query(Criteria.where("mergedInto").is(id)), new Update().set("mergedInto", newId), "proposals");
        mongo.updateMulti(
                Query.query(Criteria.where("items.proposalId").is(id)),
                new Update()
                        .set("items.$[item].proposalId", newId)
                        .filterArray(Criteria.where("item.proposalId").is(id)),
                "votes");
        mongo.updateMulti(
                Query.query(Criteria.where("choices").is(id)),
                new Update()
                        .set("choices.$[choice]", newId)
                        .filterArray(Criteria.where("choice").is(id)),
                "ballots");
        mongo.remove(Query.query(Criteria.where("_id").is(id)), "proposals");
    }

    /** A proposal staff write down, after a workshop for instance. */
    public Proposal add(String text, String area) {
        Proposal proposal =
                new Proposal("personal-" + UUID.randomUUID(), text.strip(), Proposal.Source.STAFF, clock.instant());
        proposal.edit(text.strip(), blankToNull(area), clock.instant());
        return proposals.insert(proposal);
    }

    public List<Proposal> all() {
        return proposals.findAllByOrderByCreatedAtDesc();
    }

    /** Every proposal as it stands, for a follow-up report. */
    public List<Proposal> everything() {
        return all();
    }

    Optional<Proposal> find(String id) {
        return proposals.findById(id);
    }

    public boolean edit(String id, String text, String area) {
        return change(id, p -> p.edit(text.strip(), blankToNull(area), clock.instant()));
    }

    /** Puts a proposal on the shortlist, takes it off, or sets it aside. */
    public boolean status(String id, Proposal.Status status) {
        return change(id, p -> p.status(status, clock.instant()));
    }

    /** Chosen, with what is done, by whom and when. */
    public boolean act(String id, String what, String owner, LocalDate due, String state) {
        return change(id, p -> p.act(new Proposal.Action(what.strip(), owner.strip(), due, state), clock.instant()));
    }

    /**
     * Folds a duplicate into the proposal that says the same: the duplicate is marked merged, and counts
     * as support for the other. Refused for the same proposal, or one already merged.
     */
    public boolean merge(String duplicateId, String intoId) {
        if (duplicateId.equals(intoId)) {
            return false;
        }
        return FreshRead.retrying(() -> {
            Optional<Proposal> duplicate = proposals.findById(duplicateId);
            Optional<Proposal> into = proposals.findById(intoId);
            if (duplicate.isEmpty()
                    || into.isEmpty()
                    || duplicate.get().getStatus() == Proposal.Status.MERGED
                    || into.get().getStatus() == Proposal.Status.MERGED) {
                return false;
            }
            duplicate.get().mergeInto(into.get(), clock.instant());
            proposals.save(duplicate.get());
            return true;
        });
    }

    private boolean change(String id, Consumer<Proposal> change) {
        return FreshRead.retrying(() -> proposals
                .findById(id)
                .map(p -> {
                    change.accept(p);
                    proposals.save(p);
                    return true;
                })
                .orElse(false));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
