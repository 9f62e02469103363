package se.motesdagen.feedback.vote.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.motesdagen.feedback.proposal.Proposal;
import se.motesdagen.feedback.proposal.Proposals;
import se.motesdagen.feedback.vote.Vote;
import se.motesdagen.feedback.vote.Votes;

/**
 * Staff open a vote on the shortlist, follow how many have voted and the count so far, close it early
 * if they must, and publish the result to the participants.
 */
@Controller
class StaffVoteController {

    static final int MAX_TITLE = 200;

    private final Votes votes;
    private final Proposals proposals;
    private final Clock clock;

    StaffVoteController(Votes votes, Proposals proposals, Clock clock) {
        this.votes = votes;
        this.proposals = proposals;
        this.clock = clock;
    }

    @GetMapping("/personal/omrostning")
    String page(Model model) {
        List<Vote> all = votes.all();
        Map<Vote, Votes.Result> results = new LinkedHashMap<>();
        all.forEach(vote -> results.put(vote, votes.result(vote)));
        var now = clock.instant();
        model.addAttribute("results", results);
        model.addAttribute("anyOpen", all.stream().anyMatch(v -> v.open(now)));
        model.addAttribute("now", now);
        model.addAttribute(
                "shortlist",
                proposals.everything().stream()
                        .filter(p -> p.getStatus() == Proposal.Status.SHORTLISTED)
                        .toList());
        model.addAttribute(
                "defaultLastDay", LocalDate.now(clock.withZone(Votes.STOCKHOLM)).plusDays(14));
        return "vote/staff";
    }

    @PostMapping("/personal/omrostning")
    String open(
            @RequestParam(name = "title", required = false) String title,
            @RequestParam(name = "votesEach", required = false) String votesEach,
            @RequestParam(name = "lastDay", required = false) String lastDay,
            RedirectAttributes redirect) {
        int each;
        LocalDate last;
        try {
            each = Integer.parseInt(votesEach == null ? "" : votesEach.strip());
            last = LocalDate.parse(lastDay == null ? "" : lastDay.strip());
        } catch (NumberFormatException | DateTimeParseException e) {
            redirect.addFlashAttribute("message", "vote.error.form");
            return "redirect:/personal/omrostning";
        }
        if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
            redirect.addFlashAttribute("message", "vote.error.form");
            return "redirect:/personal/omrostning";
        }
        switch (votes.open(title, each, last)) {
            case Votes.Opened opened -> {
                redirect.addFlashAttribute("message", "vote.opened");
                redirect.addFlashAttribute("sent", opened.ballotsSent());
            }
            case Votes.NotOpened refused -> redirect.addFlashAttribute("message", refused.reason());
        }
        return "redirect:/personal/omrostning";
    }

    @PostMapping("/personal/omrostning/{id}/stang")
    String close(@PathVariable String id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", votes.close(id) ? "vote.closedNow" : "vote.error.notOpen");
        return "redirect:/personal/omrostning";
    }

    @PostMapping("/personal/omrostning/{id}/publicera")
    String publish(@PathVariable String id, RedirectAttributes redirect) {
        redirect.addFlashAttribute(
                "message", votes.publishResult(id) ? "vote.resultPublished" : "vote.error.stillOpen");
        return "redirect:/personal/omrostning";
    }
}
