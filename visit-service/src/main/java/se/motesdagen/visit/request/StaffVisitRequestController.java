package se.motesdagen.visit.request;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Staff list of visit requests, the planners' starting point. */
@Controller
class StaffVisitRequestController {

    private final VisitRequestRepository requests;

    StaffVisitRequestController(VisitRequestRepository requests) {
        this.requests = requests;
    }

    @GetMapping("/personal/besoksforfragningar")
    String list(Model model) {
        model.addAttribute("requests", requests.findAllByStatusOrderByRequestedAtDesc(VisitRequest.Status.REQUESTED));
        return "request/staff-list";
    }
}
