package se.motesdagen.registration.programme.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Question;
import se.motesdagen.registration.seats.Seats;
import se.motesdagen.registration.seats.SessionFill;

/** The editor's page of one day: its sessions with their fill, its questions, and the forms to change them. */
@Component
class DayPage {

    private final Seats seats;

    DayPage(Seats seats) {
        this.seats = seats;
    }

    /** The page, with empty forms where the model has none (a form with errors is already there). */
    String show(Model model, Day day) {
        model.addAttribute("day", day);
        Map<String, SessionFill> fill =
                seats.fill(day).stream().collect(Collectors.toMap(SessionFill::sessionId, f -> f));
        model.addAttribute("fill", fill);
        if (!model.containsAttribute("dayForm")) {
            model.addAttribute("dayForm", DayForm.of(day));
        }
        if (!model.containsAttribute("sessionForm")) {
            model.addAttribute("sessionForm", new SessionForm());
        }
        if (!model.containsAttribute("questionForm")) {
            model.addAttribute("questionForm", new QuestionForm());
        }
        model.addAttribute("conditions", conditions(day, null));
        return "programme/day";
    }

    /** A condition a question may have: "shown when this question has this answer". */
    record ConditionOption(String value, String label) {}

    /**
     * The answers a question can be shown on: each choice (or yes, no) of every question that is asked,
     * can condition, and has no condition of its own; not the question itself.
     */
    static List<ConditionOption> conditions(Day day, Question self) {
        List<ConditionOption> options = new ArrayList<>();
        for (Question other : day.askedQuestions()) {
            if (!other.kind().canCondition()
                    || other.shownWhen() != null
                    || (self != null && other.id().equals(self.id()))) {
                continue;
            }
            String prefix = other.textSv() + (other.forAttendees() ? " (per deltagare)" : "") + ": ";
            if (other.kind() == Question.Kind.YES_NO) {
                options.add(new ConditionOption(other.id() + "=" + Question.YES, prefix + "Ja"));
                options.add(new ConditionOption(other.id() + "=" + Question.NO, prefix + "Nej"));
            } else {
                for (Question.Choice choice : other.choices()) {
                    options.add(new ConditionOption(other.id() + "=" + choice.id(), prefix + choice.sv()));
                }
            }
        }
        return options;
    }
}
