package se.motesdagen.registration.signup;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.motesdagen.registration.programme.Programme;

/** Staff list of registrations for a day (behind the staff login). */
@Controller
class StaffRegistrationController {

    private final RegistrationRepository registrations;
    private final Programme programme;

    StaffRegistrationController(RegistrationRepository registrations, Programme programme) {
        this.registrations = registrations;
        this.programme = programme;
    }

    @GetMapping("/personal/anmalningar")
    String list(@RequestParam(required = false) String event, Model model) {
        var chosen = event != null ? programme.event(event) : programme.nextEvent();
        chosen.ifPresent(e -> {
            model.addAttribute("event", e);
            model.addAttribute(
                    "registrations", registrations.findByEventId(e.id(), Sort.by(Sort.Direction.DESC, "submittedAt")));
        });
        return "registration/staff-list";
    }
}
