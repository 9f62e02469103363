package se.motesdagen.feedback.proposal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import se.motesdagen.platform.outbox.FreshRead;

/** The proposals board: what comes in, and what staff do with it. */
@Service
public class Proposals {

    public static final int MAX_TEXT = 2000;
    private static final Logger log = LoggerFactory.getLogger(Proposals.class);

    private final ProposalRepository proposals;
    private final Clock clock;

    Proposals(ProposalRepository proposals, Clock clock) {
        this.proposals = proposals;
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
