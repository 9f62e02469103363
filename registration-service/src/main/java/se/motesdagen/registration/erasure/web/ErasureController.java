package se.motesdagen.registration.erasure.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.motesdagen.platform.audit.Audit;
import se.motesdagen.platform.audit.Audited;
import se.motesdagen.registration.erasure.Erasure;

/** Erasing a registration's personal data on request (behind the staff login). */
@Controller
class ErasureController {

    private final Erasure erasure;

    ErasureController(Erasure erasure) {
        this.erasure = erasure;
    }

    /** Erasing needs the box ticked as well as the button: it cannot be undone. */
    @Audited(value = "registration.erased", record = "id")
    @PostMapping("/personal/anmalningar/{id}/radera")
    String erase(
            @PathVariable String id, @RequestParam(defaultValue = "false") boolean sure, RedirectAttributes redirect) {
        if (!erasure.exists(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!sure) {
            Audit.nothingDone();
            redirect.addFlashAttribute("eraseNotSure", true);
        } else {
            redirect.addFlashAttribute("erased", erasure.erase(id, "request"));
        }
        return "redirect:/personal/anmalningar/" + id;
    }

    /**
     * Erasing one person (the contact, or an attendee) while the registration stays: the box ticked as
     * well, since it cannot be undone.
     */
    @Audited(value = "registration.person-erased", record = "id")
    @PostMapping("/personal/anmalningar/{id}/radera-person")
    String erasePerson(
            @PathVariable String id,
            @RequestParam(name = "vem", required = false) String who,
            @RequestParam(defaultValue = "false") boolean sure,
            RedirectAttributes redirect) {
        if (!erasure.exists(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!sure || who == null || who.isBlank()) {
            Audit.nothingDone();
            redirect.addFlashAttribute("erasePersonNotSure", true);
        } else if (erasure.erasePerson(id, who).isPresent()) {
            redirect.addFlashAttribute("personErased", true);
        } else {
            Audit.nothingDone();
            redirect.addFlashAttribute("personErased", false);
        }
        return "redirect:/personal/anmalningar/" + id;
    }
}
