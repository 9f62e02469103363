package se.motesdagen.visit.request.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.motesdagen.visit.request.VisitRequest;
import se.motesdagen.visit.request.VisitRequestForm;
import se.motesdagen.visit.request.VisitRequestRepository;
import se.motesdagen.visit.request.VisitRequests;

/** Staff list of visit requests, the planners' starting point, and visits added by hand outside the day. */
@Controller
class StaffVisitRequestController {

    private final VisitRequestRepository requests;
    private final VisitRequests visitRequests;

    StaffVisitRequestController(VisitRequestRepository requests, VisitRequests visitRequests) {
        this.requests = requests;
        this.visitRequests = visitRequests;
    }

    @GetMapping("/personal/besoksforfragningar")
    String list(Model model) {
        model.addAttribute("requests", requests.findAllByStatusOrderByRequestedAtDesc(VisitRequest.Status.REQUESTED));
        return "request/staff-list";
    }

    @GetMapping("/personal/besoksforfragningar/ny")
    String form(Model model) {
        model.addAttribute("form", new VisitRequestForm());
        model.addAttribute("problems", Map.of());
        return "request/staff-form";
    }

    /** A wrong form is shown again with each field's problem beside it; a right one waits for the board. */
    @PostMapping("/personal/besoksforfragningar/ny")
    String add(
            @ModelAttribute("form") VisitRequestForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", problems);
            return "request/staff-form";
        }
        VisitRequest added = visitRequests.addByHand(form);
        redirect.addFlashAttribute("added", added.companyName());
        return "redirect:/personal/besoksforfragningar";
    }
}
