package se.motesdagen.feedback.proposal.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.motesdagen.feedback.proposal.AreaCodes;
import se.motesdagen.feedback.proposal.Proposal;
import se.motesdagen.feedback.proposal.Proposals;

/**
 * The proposals board for staff: everything businesses proposed (at registration, in surveys) and what
 * staff wrote down, to put in words, tag, merge, shortlist, set aside, or choose with an action.
 */
@Controller
class StaffProposalController {

    static final List<String> AREAS = AreaCodes.CODES;
    static final List<String> ACTION_STATES = List.of("planerad", "pagar", "klar");

    private final Proposals proposals;

    StaffProposalController(Proposals proposals) {
        this.proposals = proposals;
    }

    @GetMapping("/personal/forslag")
    String board(Model model) {
        List<Proposal> all = proposals.all();
        Map<String, Long> support = all.stream()
                .filter(p -> p.getMergedInto() != null)
                .collect(Collectors.groupingBy(Proposal::getMergedInto, Collectors.counting()));
        Map<Proposal.Status, List<Proposal>> byStatus =
                all.stream().collect(Collectors.groupingBy(Proposal::getStatus));
        model.addAttribute("byStatus", byStatus);
        model.addAttribute("statuses", List.of(Proposal.Status.values()));
        model.addAttribute("support", support);
        model.addAttribute(
                "targets",
                all.stream()
                        .filter(p -> p.getStatus() != Proposal.Status.MERGED)
                        .toList());
        model.addAttribute("areas", AREAS);
        model.addAttribute("actionStates", ACTION_STATES);
        return "proposal/board";
    }

    @PostMapping("/personal/forslag")
    String add(
            @RequestParam(name = "text", required = false) String text,
            @RequestParam(name = "area", required = false) String area,
            RedirectAttributes redirect) {
        if (text == null || text.isBlank() || text.length() > Proposals.MAX_TEXT) {
            redirect.addFlashAttribute("message", "proposals.textMissing");
        } else {
            proposals.add(text, AreaCodes.known(area));
            redirect.addFlashAttribute("message", "proposals.added");
        }
        return "redirect:/personal/forslag";
    }

    @PostMapping("/personal/forslag/{id}")
    String edit(
            @PathVariable String id,
            @RequestParam(name = "text", required = false) String text,
            @RequestParam(name = "area", required = false) String area,
            RedirectAttributes redirect) {
        boolean ok = text != null
                && !text.isBlank()
                && text.length() <= Proposals.MAX_TEXT
                && proposals.edit(id, text, AreaCodes.known(area));
        redirect.addFlashAttribute("message", ok ? "proposals.saved" : "proposals.textMissing");
        return "redirect:/personal/forslag#" + id;
    }

    @PostMapping("/personal/forslag/{id}/status")
    String status(
            @PathVariable String id,
            @RequestParam(name = "status", required = false) String status,
            RedirectAttributes redirect) {
        boolean ok = switch (status == null ? "" : status) {
            case "OPEN" -> proposals.status(id, Proposal.Status.OPEN);
            case "SHORTLISTED" -> proposals.status(id, Proposal.Status.SHORTLISTED);
            case "SET_ASIDE" -> proposals.status(id, Proposal.Status.SET_ASIDE);
            default -> false;
        };
        redirect.addFlashAttribute("message", ok ? "proposals.saved" : "proposals.unknown");
        return "redirect:/personal/forslag";
    }

    @PostMapping("/personal/forslag/{id}/sla-ihop")
    String merge(
            @PathVariable String id,
            @RequestParam(name = "med", required = false) String into,
            RedirectAttributes redirect) {
        boolean ok = into != null && proposals.merge(id, into);
        redirect.addFlashAttribute("message", ok ? "proposals.merged" : "proposals.mergeRefused");
        return "redirect:/personal/forslag";
    }

    @PostMapping("/personal/forslag/{id}/atgard")
    String act(
            @PathVariable String id,
            @RequestParam(name = "what", required = false) String what,
            @RequestParam(name = "owner", required = false) String owner,
            @RequestParam(name = "due", required = false) String due,
            @RequestParam(name = "state", required = false) String state,
            RedirectAttributes redirect) {
        LocalDate dueDate;
        try {
            dueDate = due == null || due.isBlank() ? null : LocalDate.parse(due.strip());
        } catch (DateTimeParseException e) {
            dueDate = null;
            what = null; // reported below
        }
        boolean ok = what != null
                && !what.isBlank()
                && owner != null
                && !owner.isBlank()
                && dueDate != null
                && ACTION_STATES.contains(state)
                && proposals.act(id, what, owner, dueDate, state);
        redirect.addFlashAttribute("message", ok ? "proposals.chosen" : "proposals.actionMissing");
        return "redirect:/personal/forslag";
    }
}
