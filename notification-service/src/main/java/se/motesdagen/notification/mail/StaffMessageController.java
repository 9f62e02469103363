package se.motesdagen.notification.mail;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Staff view of the delivery log: what was sent to whom, and what is still waiting or failed. */
@Controller
class StaffMessageController {

    private final MessageRepository messages;

    StaffMessageController(MessageRepository messages) {
        this.messages = messages;
    }

    @GetMapping("/personal/meddelanden")
    String list(Model model) {
        model.addAttribute("messages", messages.findAllByOrderByCreatedAtDesc(PageRequest.of(0, 200)));
        return "mail/staff-list";
    }
}
