package se.motesdagen.visit.publish.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.motesdagen.visit.publish.Answers;
import se.motesdagen.visit.publish.Publishing;
import se.motesdagen.visit.publish.Visit;

/**
 * The company's two links from its mail. Opening a link shows the visit and a button; only pressing it
 * (a POST with CSRF) answers, so a mail scanner that opens every link answers nothing. A forged or
 * outdated link gets a page that says so, with a 404.
 */
@Controller
class AnswerController {

    static final int MAX_TEXT = 1000;

    private final Answers answers;

    AnswerController(Answers answers) {
        this.answers = answers;
    }

    @GetMapping("/svar")
    String confirmPage(
            @RequestParam(name = "token", required = false) String token, Model model, HttpServletResponse response) {
        return answers.byToken(token)
                .map(visit -> show(visit, token, model, "publish/confirm"))
                .orElseGet(() -> unknown(response));
    }

    @PostMapping("/svar")
    String confirm(
            @RequestParam(name = "token", required = false) String token, Model model, HttpServletResponse response) {
        return answers.confirm(token)
                .map(visit -> show(visit, token, model, "publish/confirmed"))
                .orElseGet(() -> unknown(response));
    }

    @GetMapping("/annan-tid")
    String changePage(
            @RequestParam(name = "token", required = false) String token, Model model, HttpServletResponse response) {
        return answers.byToken(token)
                .map(visit -> show(visit, token, model, "publish/change"))
                .orElseGet(() -> unknown(response));
    }

    @PostMapping("/annan-tid")
    String change(
            @RequestParam(name = "token", required = false) String token,
            @RequestParam(name = "reason", required = false) String reason,
            @RequestParam(name = "preferredTimes", required = false) String preferredTimes,
            Model model,
            HttpServletResponse response) {
        var visit = answers.byToken(token);
        if (visit.isEmpty()) {
            return unknown(response);
        }
        String why = reason == null ? "" : reason.strip();
        String when = preferredTimes == null ? "" : preferredTimes.strip();
        if (why.isEmpty() || why.length() > MAX_TEXT || when.length() > MAX_TEXT) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("reason", reason);
            model.addAttribute("preferredTimes", preferredTimes);
            model.addAttribute(
                    "reasonError",
                    why.isEmpty() ? "answer.reason.missing" : why.length() > MAX_TEXT ? "answer.reason.long" : null);
            model.addAttribute("timesError", when.length() > MAX_TEXT ? "answer.times.long" : null);
            return show(visit.get(), token, model, "publish/change");
        }
        return answers.askForAnotherTime(token, why, when.isEmpty() ? null : when)
                .map(v -> show(v, token, model, "publish/change-sent"))
                .orElseGet(() -> unknown(response));
    }

    private static String show(Visit visit, String token, Model model, String view) {
        Locale locale = LocaleContextHolder.getLocale();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("H.mm", locale);
        model.addAttribute("visit", visit);
        model.addAttribute("token", token);
        model.addAttribute(
                "when",
                day.format(visit.getStartsAt().atZone(Publishing.STOCKHOLM)) + " "
                        + time.format(visit.getStartsAt().atZone(Publishing.STOCKHOLM)) + "–"
                        + time.format(visit.getEndsAt().atZone(Publishing.STOCKHOLM)));
        return view;
    }

    private static String unknown(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "publish/unknown";
    }
}
