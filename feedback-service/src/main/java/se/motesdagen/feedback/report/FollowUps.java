package se.motesdagen.feedback.report;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import se.motesdagen.feedback.participant.Participant;
import se.motesdagen.feedback.participant.Participants;
import se.motesdagen.feedback.proposal.Proposal;
import se.motesdagen.feedback.proposal.Proposals;
import se.motesdagen.feedback.vote.Votes;
import se.motesdagen.platform.outbox.Outbox;

/**
 * Closing the loop: a follow-up report made from the proposals as they stand (how many came in, the
 * chosen ones with their actions) is published, stored as said, and mailed to every participant in their
 * own language through {@code FollowUpPublished}. Published again later, it is the next edition.
 */
@Service
public class FollowUps {

    static final String FOLLOW_UP_V1 = "se.motesdagen.feedback.follow-up-published.v1";
    static final Map<String, String> STATUS = Map.of("planerad", "planned", "pagar", "in-progress", "klar", "done");
    private static final Logger log = LoggerFactory.getLogger(FollowUps.class);

    private final FollowUpReportRepository reports;
    private final Proposals proposals;
    private final Participants participants;
    private final Votes votes;
    private final Outbox outbox;
    private final Clock clock;
    private final String publicBaseUrl;

    FollowUps(
            FollowUpReportRepository reports,
            Proposals proposals,
            Participants participants,
            Votes votes,
            Outbox outbox,
            Clock clock,
            @Value("${motesdagen.public-base-url}") String publicBaseUrl) {
        this.reports = reports;
        this.proposals = proposals;
        this.participants = participants;
        this.votes = votes;
        this.outbox = outbox;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    public List<FollowUpReport> all() {
        return reports.findAllByOrderByEditionDesc();
    }

    public Optional<FollowUpReport> find(String id) {
        return reports.findById(id);
    }

    /**
     * Publishes the next edition; the report and its event are written in one save. Two staff publishing
     * at once get two editions, never one overwritten.
     */
    public FollowUpReport publish(String title, String summary) {
        for (int attempt = 0; ; attempt++) {
            try {
                return publishOnce(title, summary);
            } catch (DuplicateKeyException sameEdition) {
                if (attempt == 2) {
                    throw sameEdition;
                }
            }
        }
    }

    private FollowUpReport publishOnce(String title, String summary) {
        Instant now = clock.instant();
        List<Proposal> all = proposals.everything();
        Map<String, Integer> votes = this.votes.latestCounts();
        List<FollowUpReport.Line> lines = all.stream()
                .filter(p -> p.getStatus() == Proposal.Status.CHOSEN && p.getAction() != null)
                .map(p -> new FollowUpReport.Line(
                        p.getText(),
                        p.getAction().what(),
                        STATUS.getOrDefault(p.getAction().state(), "planned"),
                        p.getAction().owner(),
                        p.getAction().due(),
                        votes.get(p.getId())))
                .toList();
        int proposalCount = (int) all.stream()
                .filter(p -> p.getStatus() != Proposal.Status.MERGED)
                .count();
        List<Participant> recipients = participants.everyone();
        int edition = reports.findAllByOrderByEditionDesc().stream()
                        .mapToInt(FollowUpReport::getEdition)
                        .max()
                        .orElse(0)
                + 1;
        String id = "uppfoljning-" + edition;
        FollowUpReport report =
                new FollowUpReport(id, edition, title, summary, proposalCount, lines, recipients.size(), now);
        outbox.record(report, FOLLOW_UP_V1, id, body(report, recipients));
        reports.insert(report); // the same edition twice is refused by the id
        log.info("Follow-up report {} published to {} participants", id, recipients.size());
        return report;
    }

    private Map<String, Object> body(FollowUpReport report, List<Participant> recipients) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reportId", report.getId());
        body.put("edition", report.getEdition());
        body.put("title", report.getTitle());
        body.put("eventName", null);
        body.put("summary", report.getSummary());
        body.put("proposalCount", report.getProposalCount());
        body.put(
                "actions",
                report.getLines().stream()
                        .map(l -> {
                            Map<String, Object> line = new LinkedHashMap<>();
                            line.put("proposal", l.proposal());
                            line.put("action", l.action());
                            line.put("status", l.status());
                            line.put("owner", l.owner());
                            line.put(
                                    "dueDate",
                                    l.dueDate() == null ? null : l.dueDate().toString());
                            line.put("votes", l.votes());
                            return line;
                        })
                        .toList());
        body.put("reportUrl", publicBaseUrl + "/aterkoppling/uppfoljning/" + report.getId());
        body.put(
                "recipients",
                recipients.stream()
                        .map(p -> Map.of(
                                "participantId", p.registrationId(),
                                "name", p.contactName(),
                                "email", p.contactEmail(),
                                "language", "en".equals(p.language()) ? "en" : "sv"))
                        .toList());
        body.put("publishedAt", report.getPublishedAt().toString());
        return body;
    }
}
