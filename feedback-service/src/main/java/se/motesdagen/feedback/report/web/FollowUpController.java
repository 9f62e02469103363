package se.motesdagen.feedback.report.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.motesdagen.feedback.report.FollowUpReport;
import se.motesdagen.feedback.report.FollowUps;

/** Staff publish a follow-up report; anyone reads a published one at its public address. */
@Controller
class FollowUpController {

    static final int MAX_TITLE = 200;
    static final int MAX_SUMMARY = 4000;

    private final FollowUps followUps;

    FollowUpController(FollowUps followUps) {
        this.followUps = followUps;
    }

    @GetMapping("/personal/rapporter")
    String staff(Model model) {
        model.addAttribute("reports", followUps.all());
        return "report/staff";
    }

    @PostMapping("/personal/rapporter")
    String publish(
            @RequestParam(name = "title", required = false) String title,
            @RequestParam(name = "summary", required = false) String summary,
            RedirectAttributes redirect) {
        if (title == null
                || title.isBlank()
                || title.length() > MAX_TITLE
                || summary == null
                || summary.isBlank()
                || summary.length() > MAX_SUMMARY) {
            redirect.addFlashAttribute("message", "report.missing");
            return "redirect:/personal/rapporter";
        }
        FollowUpReport report = followUps.publish(title.strip(), summary.strip());
        redirect.addFlashAttribute("message", "report.published");
        redirect.addFlashAttribute("reportRecipients", report.getRecipients());
        return "redirect:/personal/rapporter";
    }

    @GetMapping("/uppfoljning/{id}")
    String read(@PathVariable String id, Model model, HttpServletResponse response) {
        return followUps
                .find(id)
                .map(report -> {
                    model.addAttribute("report", report);
                    model.addAttribute("zone", ZoneId.of("Europe/Stockholm"));
                    return "report/public";
                })
                .orElseGet(() -> {
                    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                    return "report/unknown";
                });
    }
}
