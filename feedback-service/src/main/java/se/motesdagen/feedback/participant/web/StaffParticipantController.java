package se.motesdagen.feedback.participant.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import se.motesdagen.feedback.participant.ParticipantRepository;
import se.motesdagen.platform.audit.Audited;

/** Staff list of participants known to the feedback service. */
@Controller
class StaffParticipantController {

    private final ParticipantRepository participants;

    StaffParticipantController(ParticipantRepository participants) {
        this.participants = participants;
    }

    @Audited("participants.viewed")
    @GetMapping("/personal/deltagare")
    String list(Model model) {
        model.addAttribute("participants", participants.findAllByOrderByConfirmedAtDesc());
        return "participant/staff-list";
    }
}
