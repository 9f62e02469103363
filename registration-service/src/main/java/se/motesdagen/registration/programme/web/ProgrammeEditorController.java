package se.motesdagen.registration.programme.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.seats.Seats;

/**
 * The programme editor (behind the staff login): days and their sessions. A day is a draft until it is
 * published; a changed capacity takes effect at once, so a larger room lets the waiting list in.
 */
@Controller
class ProgrammeEditorController {

    private final Programme programme;
    private final Seats seats;
    private final DayPage dayPage;

    ProgrammeEditorController(Programme programme, Seats seats, DayPage dayPage) {
        this.programme = programme;
        this.seats = seats;
        this.dayPage = dayPage;
    }

    @GetMapping("/personal/program")
    String days(Model model) {
        model.addAttribute("days", programme.allDays());
        model.addAttribute("dayForm", new DayForm());
        return "programme/days";
    }

    @PostMapping("/personal/program")
    String create(
            @Valid @ModelAttribute("dayForm") DayForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        form.checkOrder(errors);
        if (errors.hasErrors()) {
            model.addAttribute("days", programme.allDays());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "programme/days";
        }
        String id;
        do {
            id = Slugs.of(form.getName(), taken -> programme.day(taken).isPresent());
        } while (!programme.create(form.toDay(id, List.of())));
        return "redirect:/personal/program/" + id;
    }

    @GetMapping("/personal/program/{id}")
    String day(@PathVariable String id, Model model) {
        return dayPage.show(model, day(id));
    }

    @PostMapping("/personal/program/{id}")
    String update(
            @PathVariable String id,
            @Valid @ModelAttribute("dayForm") DayForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Day day = day(id);
        form.checkOrder(errors);
        if (form.isVisitsOnly() && !day.sessions().isEmpty()) {
            errors.rejectValue("visitsOnly", "programme.visitsOnly.hasSessions");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return dayPage.show(model, day);
        }
        programme.save(form.toDay(id, day.sessions()).withQuestions(day.questions()));
        redirect.addFlashAttribute("saved", "day");
        return "redirect:/personal/program/" + id;
    }

    @PostMapping("/personal/program/{id}/pass")
    String addSession(
            @PathVariable String id,
            @Valid @ModelAttribute("sessionForm") SessionForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Day day = day(id);
        form.checkOrder(errors);
        if (day.isVisitsOnly()) {
            errors.reject("programme.visitsOnly.noSessions");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return dayPage.show(model, day);
        }
        String sessionId = Slugs.of(form.getTitle(), taken -> day.session(taken).isPresent());
        List<Day.Session> sessions = new ArrayList<>(day.sessions());
        sessions.add(form.toSession(sessionId));
        programme.save(day.withSessions(inTimeOrder(sessions)));
        redirect.addFlashAttribute("saved", "session");
        return "redirect:/personal/program/" + id;
    }

    @GetMapping("/personal/program/{id}/pass/{sessionId}")
    String session(@PathVariable String id, @PathVariable String sessionId, Model model) {
        Day day = day(id);
        Day.Session session = session(day, sessionId);
        model.addAttribute("day", day);
        model.addAttribute("dialogSession", session);
        model.addAttribute("sessionForm", SessionForm.of(session));
        model.addAttribute("removable", !seats.hasPlaces(day, sessionId));
        return "programme/session";
    }

    @PostMapping("/personal/program/{id}/pass/{sessionId}")
    String updateSession(
            @PathVariable String id,
            @PathVariable String sessionId,
            @Valid @ModelAttribute("sessionForm") SessionForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Day day = day(id);
        Day.Session session = session(day, sessionId);
        form.checkOrder(errors);
        if (errors.hasErrors()) {
            model.addAttribute("day", day);
            model.addAttribute("dialogSession", session);
            model.addAttribute("removable", !seats.hasPlaces(day, sessionId));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "programme/session";
        }
        Day changed = day.withSessions(inTimeOrder(day.sessions().stream()
                .map(s -> s.id().equals(sessionId) ? form.toSession(sessionId) : s)
                .toList()));
        programme.save(changed);
        // a larger room lets the waiting list in now, not at the next registration
        seats.followCapacity(changed, sessionId);
        redirect.addFlashAttribute("saved", "session");
        return "redirect:/personal/program/" + id;
    }

    /** Only a session nobody has or waits for a place in can go: people's places are never dropped silently. */
    @PostMapping("/personal/program/{id}/pass/{sessionId}/ta-bort")
    String removeSession(@PathVariable String id, @PathVariable String sessionId, RedirectAttributes redirect) {
        Day day = day(id);
        session(day, sessionId);
        if (seats.hasPlaces(day, sessionId)) {
            redirect.addFlashAttribute("notRemoved", true);
            return "redirect:/personal/program/" + id + "/pass/" + sessionId;
        }
        programme.save(day.withSessions(
                day.sessions().stream().filter(s -> !s.id().equals(sessionId)).toList()));
        redirect.addFlashAttribute("saved", "removed");
        return "redirect:/personal/program/" + id;
    }

    private static List<Day.Session> inTimeOrder(List<Day.Session> sessions) {
        return sessions.stream()
                .sorted(Comparator.comparing(Day.Session::startsAt).thenComparing(Day.Session::title))
                .toList();
    }

    private Day day(String id) {
        return programme.day(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static Day.Session session(Day day, String sessionId) {
        return day.session(sessionId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
