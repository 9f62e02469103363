package se.motesdagen.registration.checkin.web;

import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.motesdagen.platform.audit.Audited;
import se.motesdagen.registration.checkin.CheckIns;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.signup.Registration;

/**
 * Checking attendees in on the day (behind the staff login): from a registration's page, or at the
 * desk, a search over the day's confirmed attendees with one button each.
 */
@Controller
class CheckInController {

    private final CheckIns checkIns;
    private final Programme programme;

    CheckInController(CheckIns checkIns, Programme programme) {
        this.checkIns = checkIns;
        this.programme = programme;
    }

    @Audited(value = "registration.checked-in", record = "id")
    @PostMapping("/personal/anmalningar/{id}/incheckning")
    String checkIn(
            @PathVariable String id,
            @RequestParam String attendee,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean fromDesk,
            Principal staff,
            RedirectAttributes redirect) {
        Registration registration = registration(id);
        var outcome = checkIns.checkIn(id, attendee, staff.getName());
        redirect.addFlashAttribute("checkIn", outcome.name());
        redirect.addFlashAttribute(
                "checkedInName",
                registration
                        .participant(attendee)
                        .map(Registration.Participant::name)
                        .orElse(null));
        if (fromDesk) {
            redirect.addAttribute("event", registration.getDayId());
            redirect.addAttribute("q", q == null ? "" : q);
            return "redirect:/personal/incheckning";
        }
        return "redirect:/personal/anmalningar/" + id;
    }

    /**
     * The check-in desk: the day's confirmed registrations whose company, contact or attendee matches
     * the search, each attendee with a button. Nothing is listed before something is searched for.
     */
    @GetMapping("/personal/incheckning")
    String desk(
            @RequestParam(name = "event", required = false) String dayId,
            @RequestParam(required = false) String q,
            Model model) {
        Day day = (dayId != null ? programme.day(dayId) : programme.nextDay())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String text = q == null ? "" : q.strip();
        model.addAttribute("day", day);
        model.addAttribute("q", text);
        if (!text.isEmpty()) {
            model.addAttribute("hits", checkIns.find(day, text));
        }
        return "registration/staff-checkin";
    }

    private Registration registration(String id) {
        return checkIns.registration(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
