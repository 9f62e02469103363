package se.motesdagen.registration.programme.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.programme.Question;

/**
 * The day's own questions in the programme editor: add, edit, move up or down, remove. A removed
 * question is no longer asked; answers already given stay with their registrations and in the exports.
 */
@Controller
class QuestionEditorController {

    private final Programme programme;
    private final DayPage dayPage;

    QuestionEditorController(Programme programme, DayPage dayPage) {
        this.programme = programme;
        this.dayPage = dayPage;
    }

    @PostMapping("/personal/program/{id}/fragor")
    String add(
            @PathVariable String id,
            @Valid @ModelAttribute("questionForm") QuestionForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Day day = day(id);
        form.check(day, null, errors);
        if (day.questions().size() >= Day.MAX_QUESTIONS) {
            errors.reject("programme.question.tooMany");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return dayPage.show(model, day);
        }
        String questionId =
                Slugs.of(form.getTextSv(), taken -> day.question(taken).isPresent());
        List<Question> questions = new ArrayList<>(day.questions());
        questions.add(form.toQuestion(questionId, null));
        programme.save(day.withQuestions(questions));
        redirect.addFlashAttribute("saved", "question");
        return "redirect:/personal/program/" + id + "#fragor";
    }

    @GetMapping("/personal/program/{id}/fragor/{questionId}")
    String question(@PathVariable String id, @PathVariable String questionId, Model model) {
        Day day = day(id);
        Question question = question(day, questionId);
        return questionPage(model, day, question, QuestionForm.of(question));
    }

    @PostMapping("/personal/program/{id}/fragor/{questionId}")
    String update(
            @PathVariable String id,
            @PathVariable String questionId,
            @Valid @ModelAttribute("questionForm") QuestionForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Day day = day(id);
        Question before = question(day, questionId);
        form.check(day, before, errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return questionPage(model, day, before, form);
        }
        Question changed = form.toQuestion(questionId, before);
        programme.save(day.withQuestions(day.questions().stream()
                .map(q -> q.id().equals(questionId) ? changed : q)
                .toList()));
        redirect.addFlashAttribute("saved", "question");
        return "redirect:/personal/program/" + id + "#fragor";
    }

    /** One step up or down among the questions, without script. */
    @PostMapping("/personal/program/{id}/fragor/{questionId}/flytta")
    String move(@PathVariable String id, @PathVariable String questionId, @RequestParam String riktning) {
        Day day = day(id);
        question(day, questionId);
        List<Question> questions = new ArrayList<>(day.questions());
        int at = indexOf(questions, questionId);
        int to = "upp".equals(riktning) ? at - 1 : "ned".equals(riktning) ? at + 1 : at;
        if (to >= 0 && to < questions.size() && to != at) {
            questions.add(to, questions.remove(at));
            programme.save(day.withQuestions(questions));
        }
        return "redirect:/personal/program/" + id + "#fraga-" + questionId;
    }

    /**
     * No longer asked; kept for the answers given to it. A question others are shown on cannot go
     * before they no longer depend on it.
     */
    @PostMapping("/personal/program/{id}/fragor/{questionId}/ta-bort")
    String remove(@PathVariable String id, @PathVariable String questionId, RedirectAttributes redirect) {
        Day day = day(id);
        question(day, questionId);
        boolean dependedOn = day.askedQuestions().stream()
                .anyMatch(
                        q -> q.shownWhen() != null && q.shownWhen().questionId().equals(questionId));
        if (dependedOn) {
            redirect.addFlashAttribute("notRemoved", true);
            return "redirect:/personal/program/" + id + "/fragor/" + questionId;
        }
        programme.save(day.withQuestions(day.questions().stream()
                .map(q -> q.id().equals(questionId) ? q.withRemoved(true) : q)
                .toList()));
        redirect.addFlashAttribute("saved", "questionRemoved");
        return "redirect:/personal/program/" + id + "#fragor";
    }

    private static String questionPage(Model model, Day day, Question question, QuestionForm form) {
        model.addAttribute("day", day);
        model.addAttribute("question", question);
        model.addAttribute("questionForm", form);
        model.addAttribute("conditions", DayPage.conditions(day, question));
        return "programme/question";
    }

    private static int indexOf(List<Question> questions, String questionId) {
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).id().equals(questionId)) {
                return i;
            }
        }
        return -1;
    }

    private Day day(String id) {
        return programme.day(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static Question question(Day day, String questionId) {
        return day.question(questionId)
                .filter(q -> !q.removed())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
