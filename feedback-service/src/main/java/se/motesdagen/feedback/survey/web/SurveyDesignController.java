package se.motesdagen.feedback.survey.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.motesdagen.feedback.participant.Participants;
import se.motesdagen.feedback.survey.Invitations;
import se.motesdagen.feedback.survey.Questionnaire;
import se.motesdagen.feedback.survey.SurveyDesigns;

/**
 * Staff choose what each kind of survey asks (which service factors, and whether the authority area), and
 * send the yearly service survey.
 */
@Controller
class SurveyDesignController {

    private final SurveyDesigns designs;
    private final Invitations invitations;
    private final Participants participants;
    private final Clock clock;

    SurveyDesignController(SurveyDesigns designs, Invitations invitations, Participants participants, Clock clock) {
        this.designs = designs;
        this.invitations = invitations;
        this.participants = participants;
        this.clock = clock;
    }

    /** Sends this year's service survey to every company's contact who has not had it this year. */
    @PostMapping("/personal/enkater/arlig")
    String sendYearly(RedirectAttributes redirect) {
        int year = LocalDate.now(clock.withZone(Invitations.STOCKHOLM)).getYear();
        long sent = participants.everyone().stream()
                .filter(p -> invitations.yearly(p, year))
                .count();
        redirect.addFlashAttribute("message", "designs.yearlySent");
        redirect.addFlashAttribute("sent", sent);
        return "redirect:/personal/enkater#yearly";
    }

    @GetMapping("/personal/enkater")
    String page(Model model) {
        model.addAttribute("designs", designs.all());
        model.addAttribute("factors", Questionnaire.FACTORS);
        return "survey/designs";
    }

    @PostMapping("/personal/enkater/{kind}")
    String save(
            @PathVariable String kind,
            @RequestParam(name = "factor", required = false) List<String> factors,
            @RequestParam(name = "askArea", defaultValue = "false") boolean askArea,
            RedirectAttributes redirect) {
        boolean saved = designs.save(kind, factors == null ? List.of() : factors, askArea);
        redirect.addFlashAttribute("message", saved ? "designs.saved" : "designs.unknown");
        return "redirect:/personal/enkater#" + kind;
    }
}
