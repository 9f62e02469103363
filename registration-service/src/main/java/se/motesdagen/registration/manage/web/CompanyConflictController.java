package se.motesdagen.registration.manage.web;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.motesdagen.platform.audit.Audit;
import se.motesdagen.platform.audit.Audited;
import se.motesdagen.registration.manage.CompanyConflicts;
import se.motesdagen.registration.manage.CompanyConflicts.Decision;

/**
 * Staff decide a contested registration (behind the staff login), from its page: give it the company's
 * place, or remove it. Both need the box ticked that says both contacts were heard.
 */
@Controller
class CompanyConflictController {

    private final CompanyConflicts conflicts;

    CompanyConflictController(CompanyConflicts conflicts) {
        this.conflicts = conflicts;
    }

    @Audited(value = "registration.conflict.place-given", record = "id")
    @PostMapping("/personal/anmalningar/{id}/ge-platsen")
    String givePlace(
            @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean sure,
            Principal staff,
            RedirectAttributes redirect) {
        if (!sure) {
            return notSure(id, redirect);
        }
        Decision decision = conflicts.givePlace(id, staff.getName());
        redirect.addFlashAttribute("conflictDecision", decision);
        return "redirect:/personal/anmalningar/" + id;
    }

    @Audited(value = "registration.conflict.removed", record = "id")
    @PostMapping("/personal/anmalningar/{id}/ta-bort")
    String remove(
            @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean sure,
            @RequestParam(name = "event") String dayId,
            RedirectAttributes redirect) {
        if (!sure) {
            return notSure(id, redirect);
        }
        Decision decision = conflicts.remove(id);
        redirect.addFlashAttribute("conflictDecision", decision);
        if (decision == Decision.REMOVED) {
            redirect.addAttribute("event", dayId);
            return "redirect:/personal/anmalningar";
        }
        return "redirect:/personal/anmalningar/" + id;
    }

    private static String notSure(String id, RedirectAttributes redirect) {
        Audit.nothingDone();
        redirect.addFlashAttribute("conflictNotSure", true);
        return "redirect:/personal/anmalningar/" + id;
    }
}
