package se.motesdagen.feedback.survey;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff choose what each kind of survey asks: which service factors, and whether the authority area. */
@Controller
class SurveyDesignController {

    private final SurveyDesigns designs;

    SurveyDesignController(SurveyDesigns designs) {
        this.designs = designs;
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
