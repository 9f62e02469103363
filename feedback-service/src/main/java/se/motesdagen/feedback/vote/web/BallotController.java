package se.motesdagen.feedback.vote.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.motesdagen.feedback.vote.Ballot;
import se.motesdagen.feedback.vote.Vote;
import se.motesdagen.feedback.vote.Votes;

/**
 * The ballot behind a participant's vote link: the shortlist as plain checkboxes, so it works without
 * JavaScript and on a phone; cast and changed until the vote closes; the result once staff publish it.
 */
@Controller
class BallotController {

    private final Votes votes;
    private final Clock clock;

    BallotController(Votes votes, Clock clock) {
        this.votes = votes;
        this.clock = clock;
    }

    @GetMapping("/rostning")
    String ballot(
            @RequestParam(name = "token", required = false) String token, Model model, HttpServletResponse response) {
        return votes.ballotByToken(token)
                .flatMap(ballot -> votes.find(ballot.getVoteId())
                        .map(vote -> show(vote, ballot, ballot.getChoices(), token, null, model)))
                .orElseGet(() -> unknown(response));
    }

    @PostMapping("/rostning")
    String cast(
            @RequestParam(name = "token", required = false) String token,
            @RequestParam(name = "forslag", required = false) List<String> chosen,
            Model model,
            HttpServletResponse response) {
        List<String> choices = chosen == null ? List.of() : chosen;
        return switch (votes.cast(token, choices)) {
            case Votes.Cast cast -> {
                model.addAttribute("saved", true);
                yield show(cast.vote(), cast.ballot(), cast.ballot().getChoices(), token, null, model);
            }
            case Votes.Invalid invalid -> {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                List<String> kept = choices.stream()
                        .filter(id -> invalid.vote().item(id).isPresent())
                        .toList();
                yield show(invalid.vote(), invalid.ballot(), kept, token, invalid.reason(), model);
            }
            case Votes.Closed closed -> {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                yield show(closed.vote(), closed.ballot(), closed.ballot().getChoices(), token, null, model);
            }
            case Votes.Unknown unknown -> unknown(response);
        };
    }

    private String show(Vote vote, Ballot ballot, List<String> choices, String token, String problem, Model model) {
        model.addAttribute("vote", vote);
        model.addAttribute("ballot", ballot);
        model.addAttribute("choices", choices);
        model.addAttribute("token", token);
        model.addAttribute("problem", problem);
        model.addAttribute("open", vote.open(clock.instant()));
        model.addAttribute("result", vote.getResultPublishedAt() == null ? null : votes.result(vote));
        return "vote/ballot";
    }

    private static String unknown(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "vote/unknown";
    }
}
