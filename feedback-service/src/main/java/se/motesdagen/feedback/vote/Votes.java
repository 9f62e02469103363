package se.motesdagen.feedback.vote;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import se.motesdagen.feedback.participant.Participant;
import se.motesdagen.feedback.participant.Participants;
import se.motesdagen.feedback.proposal.Proposal;
import se.motesdagen.feedback.proposal.Proposals;
import se.motesdagen.platform.messaging.AddressKey;
import se.motesdagen.platform.outbox.AccessAnswers.Held;
import se.motesdagen.platform.outbox.FreshRead;
import se.motesdagen.platform.outbox.Outbox;
import se.motesdagen.platform.security.LinkSeal;
import se.motesdagen.platform.security.LinkSecret;
import se.motesdagen.platform.storage.SameAddress;

/**
 * Participants vote on the shortlist: staff open a vote on the proposals shortlisted now
 * ({@code ProposalShortlistPublished}), every participant gets a ballot link of their own
 * ({@code VoteOpened}, mailed by the notification service), ballots are cast and changed until the vote
 * closes, and staff publish the result to the participants.
 */
@Service
public class Votes {

    static final String SHORTLIST_V1 = "se.motesdagen.feedback.proposal-shortlist-published.v1";
    static final String TOOK_PART_V1 = "se.motesdagen.feedback.took-part.v1";
    static final String OPENED_V2 = "se.motesdagen.feedback.vote-opened.v2";
    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    static final int MOST_VOTES_EACH = 10;
    static final int LONGEST_DAYS = 90;
    private static final Logger log = LoggerFactory.getLogger(Votes.class);

    private final VoteRepository votes;
    private final BallotRepository ballots;
    private final Proposals proposals;
    private final Participants participants;
    private final MongoOperations mongo;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;
    private final LinkSeal seal;
    private final String publicBaseUrl;

    Votes(
            VoteRepository votes,
            BallotRepository ballots,
            Proposals proposals,
            Participants participants,
            MongoOperations mongo,
            Outbox outbox,
            Clock clock,
            MeterRegistry meters,
            LinkSeal seal,
            @Value("${motesdagen.public-base-url}") String publicBaseUrl) {
        this.seal = seal;
        this.votes = votes;
        this.ballots = ballots;
        this.proposals = proposals;
        this.participants = participants;
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** What opening a vote came to. */
    sealed interface Opening {}

    public record Opened(Vote vote, int ballotsSent) implements Opening {}

    /** Nothing opened, for the reason the message key gives. */
    public record NotOpened(String reason) implements Opening {}

    /**
     * Opens a vote on the proposals shortlisted now, until the end of {@code lastDay} (Stockholm time),
     * and sends every participant a ballot. Refused while another vote is open, with fewer than two
     * proposals on the shortlist, or with more votes each than there are proposals.
     */
    public Opening open(String title, int votesEach, LocalDate lastDay) {
        Instant now = clock.instant();
        Instant closesAt = lastDay.plusDays(1).atStartOfDay(STOCKHOLM).toInstant();
        List<Vote.Item> items = proposals.everything().stream()
                .filter(p -> p.getStatus() == Proposal.Status.SHORTLISTED)
                .sorted(Comparator.comparing(Proposal::getCreatedAt))
                .map(p -> new Vote.Item(p.getId(), p.getText(), p.getArea()))
                .toList();
        if (!closesAt.isAfter(now) || closesAt.isAfter(now.plus(Duration.ofDays(LONGEST_DAYS + 1)))) {
            return new NotOpened("vote.error.lastDay");
        }
        if (items.size() < 2) {
            return new NotOpened("vote.error.shortlist");
        }
        if (votesEach < 1 || votesEach > Math.min(items.size(), MOST_VOTES_EACH)) {
            return new NotOpened("vote.error.votesEach");
        }
        List<Vote> earlier = votes.findAllByOrderByRoundDesc();
        if (earlier.stream().anyMatch(v -> v.open(now))) {
            return new NotOpened("vote.error.alreadyOpen");
        }
        int round = earlier.stream().mapToInt(Vote::getRound).max().orElse(0) + 1;
        Vote vote = new Vote("omrostning-" + round, round, title.strip(), votesEach, items, now, closesAt);
        outbox.record(vote, SHORTLIST_V1, vote.getId(), shortlist(vote, now));
        try {
            votes.insert(vote); // two staff opening at once: the round's id lets one through
        } catch (DuplicateKeyException sameRound) {
            return new NotOpened("vote.error.alreadyOpen");
        }
        log.info("Vote {} opened on {} proposals", vote.getId(), items.size());
        return new Opened(vote, sendBallots(vote));
    }

    /**
     * Every participant of an open vote has a ballot: sent once per participant however often this runs,
     * so it also reaches those confirmed after the vote opened, and finishes a sending that was cut off.
     */
    int sendBallots(Vote vote) {
        Instant now = clock.instant();
        if (!vote.open(now)) {
            return 0;
        }
        int sent = 0;
        for (Participant participant : participants.everyone()) {
            String id = Ballot.idOf(vote.getId(), participant.registrationId());
            if (ballots.existsById(id)) {
                continue;
            }
            String token = LinkSecret.issue();
            Ballot ballot = new Ballot(
                    vote.getId(),
                    participant.registrationId(),
                    participant.contactName(),
                    participant.contactEmail(),
                    "en".equals(participant.language()) ? "en" : "sv",
                    LinkSecret.hash(token),
                    now);
            outbox.record(ballot, OPENED_V2, id, opened(vote, ballot, token, now));
            try {
                ballots.insert(ballot);
            } catch (DuplicateKeyException otherInstance) {
                continue;
            }
            if (participants.find(participant.registrationId()).isEmpty()) {
                forget(participant.registrationId()); // erased while its ballot was being made
            }
            sent++;
        }
        if (sent > 0) {
            meters.counter("motesdagen.feedback.ballots.sent").increment(sent);
            log.info("{} ballots sent for vote {}", sent, vote.getId());
        }
        return sent;
    }

    /** Ballots for every vote still open. */
    public void sendMissingBallots() {
        Instant now = clock.instant();
        votes.findAllByOrderByRoundDesc().stream().filter(v -> v.open(now)).forEach(this::sendBallots);
    }

    public List<Vote> all() {
        return votes.findAllByOrderByRoundDesc();
    }

    public Optional<Vote> find(String voteId) {
        return votes.findById(voteId);
    }

    /** The ballot its link opens, with its vote; empty for a forged or mistyped link. */
    public Optional<Ballot> ballotByToken(String token) {
        if (!LinkSecret.isWellFormed(token)) {
            return Optional.empty();
        }
        return ballots.findFirstByTokenHash(LinkSecret.hash(token));
    }

    /** What casting a ballot came to. */
    sealed interface Casting {}

    public record Cast(Ballot ballot, Vote vote) implements Casting {}

    /** The choice breaks the vote's rules (none chosen, too many, not on the ballot): nothing saved. */
    public record Invalid(Ballot ballot, Vote vote, String reason) implements Casting {}

    /** The vote has closed: the ballot stays as it was. */
    public record Closed(Ballot ballot, Vote vote) implements Casting {}

    public record Unknown() implements Casting {}

    /** Casts or changes the ballot the link opens; the last choice before the vote closes counts. */
    public Casting cast(String token, List<String> chosen) {
        return FreshRead.retrying(() -> {
            Optional<Ballot> found = ballotByToken(token);
            Optional<Vote> vote = found.flatMap(b -> votes.findById(b.getVoteId()));
            if (found.isEmpty() || vote.isEmpty()) {
                return new Unknown();
            }
            Ballot ballot = found.get();
            Instant now = clock.instant();
            if (!vote.get().open(now)) {
                return new Closed(ballot, vote.get());
            }
            List<String> distinct = List.copyOf(new LinkedHashSet<>(chosen));
            String reason = distinct.isEmpty()
                    ? "vote.error.none"
                    : distinct.size() > vote.get().getVotesEach()
                            ? "vote.error.tooMany"
                            : distinct.stream()
                                            .allMatch(id -> vote.get().item(id).isPresent())
                                    ? null
                                    : "vote.error.notOnBallot";
            if (reason != null) {
                return new Invalid(ballot, vote.get(), reason);
            }
            boolean first = ballot.getCastAt() == null;
            ballot.cast(distinct, now);
            ballots.save(ballot);
            meters.counter("motesdagen.feedback.ballots.cast", "change", first ? "first" : "changed")
                    .increment();
            return new Cast(ballot, vote.get());
        });
    }

    /** A proposal on the ballot with the votes it got. */
    public record Tally(Vote.Item item, int votes) {}

    /** The count so far (staff) or the final result: most votes first, ties in the ballot's order. */
    public record Result(List<Tally> tallies, int ballotsSent, int ballotsCast) {}

    public Result result(Vote vote) {
        Map<String, Integer> counts = new HashMap<>();
        int cast = 0;
        List<Ballot> all = ballots.findAllByVoteId(vote.getId());
        for (Ballot ballot : all) {
            if (ballot.getCastAt() != null) {
                cast++;
                ballot.getChoices().forEach(id -> counts.merge(id, 1, Integer::sum));
            }
        }
        List<Tally> tallies = vote.getItems().stream()
                .map(item -> new Tally(item, counts.getOrDefault(item.proposalId(), 0)))
                .sorted(Comparator.comparingInt(Tally::votes).reversed())
                .toList();
        return new Result(tallies, all.size(), cast);
    }

    /** The votes each proposal got in the latest vote it was on, by proposal id (none before any vote). */
    public Map<String, Integer> latestCounts() {
        Map<String, Integer> counts = new HashMap<>();
        for (Vote vote : votes.findAllByOrderByRoundDesc()) { // newest first: a later vote's count wins
            for (Tally tally : result(vote).tallies()) {
                counts.putIfAbsent(tally.item().proposalId(), tally.votes());
            }
        }
        return counts;
    }

    /** Staff stop the vote before its planned close. */
    public boolean close(String voteId) {
        return change(voteId, vote -> {
            Instant now = clock.instant();
            if (!vote.open(now)) {
                return false;
            }
            vote.closeNow(now);
            return true;
        });
    }

    /** The result becomes visible to participants (through their ballot link); only once the vote has closed. */
    public boolean publishResult(String voteId) {
        return change(voteId, vote -> vote.publishResult(clock.instant()));
    }

    private boolean change(String voteId, Predicate<Vote> change) {
        return FreshRead.retrying(() -> votes.findById(voteId)
                .map(vote -> {
                    if (!change.test(vote)) {
                        return false;
                    }
                    votes.save(vote);
                    return true;
                })
                .orElse(false));
    }

    /**
     * Access (GDPR art. 15): the ballots of the registrations or sent to the address, with the proposals
     * chosen on them (kept beside the person until the ballot is erased).
     */
    public List<Held> heldAbout(List<String> registrationIds, String email) {
        List<Criteria> about = new ArrayList<>();
        about.add(Criteria.where("registrationId").in(registrationIds));
        if (email != null) {
            about.add(SameAddress.in("recipientEmail", email));
        }
        List<Held> held = new ArrayList<>();
        for (Ballot ballot : mongo.find(Query.query(new Criteria().orOperator(about)), Ballot.class)) {
            Vote vote = votes.findById(ballot.getVoteId()).orElse(null);
            Map<String, String> texts = new HashMap<>();
            if (vote != null) {
                vote.getItems().forEach(item -> texts.put(item.proposalId(), item.text()));
            }
            held.add(Held.of("Röstsedel", ballot.getId())
                    .field("Omröstning", vote == null ? ballot.getVoteId() : vote.getTitle())
                    .field("Mottagare", ballot.getRecipientName())
                    .field("E-post", ballot.recipientEmail())
                    .field("Röstade", ballot.getCastAt())
                    .field(
                            "Valda förslag",
                            ballot.getChoices().stream()
                                    .map(id -> texts.getOrDefault(id, id))
                                    .collect(Collectors.joining("\n")))
                    .build());
        }
        return held;
    }

    /**
     * Once a vote has closed, that a company voted (never how) goes on its registration's timeline: one
     * TookPart per cast ballot, dated the day the vote closed. Once each.
     *
     * @return how many were told
     */
    public int reportCast(Instant now) {
        int told = 0;
        // closed as planned or early by staff: the votes are few, so each is asked
        for (Vote vote : votes.findAll().stream().filter(v -> !v.open(now)).toList()) {
            Query castAndUntold = Query.query(Criteria.where("voteId")
                    .is(vote.getId())
                    .and("castAt")
                    .ne(null)
                    .and("registrationId")
                    .ne(null)
                    .and("tookPartReportedAt")
                    .is(null));
            castAndUntold.fields().include("_id").include("registrationId");
            for (Ballot cast : mongo.find(castAndUntold, Ballot.class)) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("registrationId", cast.getRegistrationId());
                body.put("what", "vote");
                Map<String, Object> about = new LinkedHashMap<>();
                about.put("title", vote.getTitle());
                about.put("date", null);
                body.put("about", about);
                body.put(
                        "closedOn",
                        vote.getClosesAt().atZone(STOCKHOLM).toLocalDate().toString());
                told += (int) outbox.updateFirst(
                                Query.query(Criteria.where("_id")
                                        .is(cast.getId())
                                        .and("tookPartReportedAt")
                                        .is(null)),
                                new Update().set("tookPartReportedAt", now),
                                Ballot.class,
                                TOOK_PART_V1,
                                cast.getRegistrationId(),
                                body)
                        .getModifiedCount();
            }
        }
        return told;
    }

    /** Erasure (GDPR): the registration's ballots no longer name anyone; their choices still count. */
    public void forget(String registrationId) {
        forget(Query.query(Criteria.where("registrationId").is(registrationId)));
    }

    /** One person of the registration erased: their ballots forget them; the choices still count. */
    public void forgetPerson(String registrationId, String addressKey) {
        List<String> theirs =
                mongo.find(Query.query(Criteria.where("registrationId").is(registrationId)), Ballot.class).stream()
                        .filter(ballot -> AddressKey.names(addressKey, ballot.recipientEmail()))
                        .map(Ballot::getId)
                        .toList();
        forget(Query.query(Criteria.where("_id").in(theirs)));
    }

    private void forget(Query which) {
        mongo.updateMulti(
                which,
                new Update()
                        .unset("registrationId")
                        .unset("recipientName")
                        .unset("recipientEmail")
                        .unset("tokenHash"),
                Ballot.class);
    }

    private Map<String, Object> shortlist(Vote vote, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("voteId", vote.getId());
        body.put("title", vote.getTitle());
        body.put(
                "proposals",
                vote.getItems().stream()
                        .map(item -> {
                            Map<String, Object> line = new LinkedHashMap<>();
                            line.put("proposalId", item.proposalId());
                            line.put("text", item.text());
                            line.put("area", item.area());
                            return line;
                        })
                        .toList());
        body.put("votesEach", vote.getVotesEach());
        body.put("closesAt", vote.getClosesAt().toString());
        body.put("publishedAt", now.toString());
        return body;
    }

    private Map<String, Object> opened(Vote vote, Ballot ballot, String token, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ballotId", ballot.getId());
        body.put("voteId", vote.getId());
        body.put("registrationId", ballot.getRegistrationId());
        body.put("recipient", Map.of("name", ballot.getRecipientName(), "email", ballot.recipientEmail()));
        body.put("language", ballot.getLanguage());
        body.put("title", vote.getTitle());
        body.put("proposals", vote.getItems().stream().map(Vote.Item::text).toList());
        body.put("votesEach", vote.getVotesEach());
        body.put("closesAt", vote.getClosesAt().toString());
        // sealed for the notification service: nothing else that reads or keeps the event can use the link
        body.put(
                "voteLink",
                seal.seal(
                        publicBaseUrl + "/aterkoppling/rostning?token=" + token
                                + ("en".equals(ballot.getLanguage()) ? "&lang=en" : ""),
                        ballot.getId()));
        body.put("openedAt", now.toString());
        return body;
    }
}
