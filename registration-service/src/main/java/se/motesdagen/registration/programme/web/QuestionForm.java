package se.motesdagen.registration.programme.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.validation.Errors;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Question;

/**
 * What staff fill in for a question of the day's form. The choices are one per line, "Svenska | English"
 * (the English may be left out); a choice keeps its id while its Swedish wording stays, so answers
 * already given still name it. The condition is one value, {@code questionId=answer}, chosen from a list.
 */
public class QuestionForm {

    private static final int TEXT_MAX = 300;

    /** Required for a new question; an existing one keeps its own (checked in {@link #check}). */
    private Question.Kind kind;

    private Question.Scope scope = Question.Scope.COMPANY;

    private boolean required;

    @NotBlank(message = "{programme.question.text.required}")
    @Size(max = TEXT_MAX, message = "{programme.tooLong}")
    private String textSv;

    @Size(max = TEXT_MAX, message = "{programme.tooLong}")
    private String textEn;

    @Size(max = 500, message = "{programme.tooLong}")
    private String helpSv;

    @Size(max = 500, message = "{programme.tooLong}")
    private String helpEn;

    @Size(max = 5000, message = "{programme.tooLong}")
    private String choices;

    @Size(max = 300, message = "{programme.question.shownWhen.unknown}")
    private String shownWhen;

    static QuestionForm of(Question question) {
        QuestionForm form = new QuestionForm();
        form.kind = question.kind();
        form.scope = question.scope();
        form.required = question.required();
        form.textSv = question.textSv();
        form.textEn = question.textEn();
        form.helpSv = question.helpSv();
        form.helpEn = question.helpEn();
        form.choices = question.choices().stream()
                .map(c -> c.en() == null || c.en().isBlank() ? c.sv() : c.sv() + " | " + c.en())
                .collect(Collectors.joining("\n"));
        form.shownWhen = question.shownWhen() == null
                ? null
                : question.shownWhen().questionId() + "=" + question.shownWhen().value();
        return form;
    }

    /**
     * The rules that need the day: the choices of a choice question, and a condition on a question that
     * exists, is asked, can be answered with the value, has no condition of its own, and is the company's
     * or (for an attendee's question) the same attendee's.
     *
     * @param before the question as it was, when an existing one is edited (its kind and scope stay)
     */
    void check(Day day, Question before, Errors errors) {
        if (before != null) {
            kind = before.kind();
            scope = before.scope();
        }
        if (kind == null) {
            errors.rejectValue("kind", "programme.question.kind.required");
        }
        if (scope == null) {
            errors.rejectValue("scope", "programme.question.scope.required");
        }
        if (kind != null && kind.hasChoices()) {
            List<String[]> lines = choiceLines();
            Set<String> seen = new HashSet<>();
            if (lines.size() < 2 || lines.size() > Question.MAX_CHOICES) {
                errors.rejectValue("choices", "programme.question.choices.count");
            } else if (lines.stream().anyMatch(l -> l[0].length() > 100 || (l[1] != null && l[1].length() > 100))) {
                errors.rejectValue("choices", "programme.question.choices.tooLong");
            } else if (!lines.stream().allMatch(l -> seen.add(l[0].toLowerCase(Locale.ROOT)))) {
                errors.rejectValue("choices", "programme.question.choices.twice");
            }
        }
        Question.Condition condition = condition();
        if (condition == null) {
            return;
        }
        String self = before == null ? null : before.id();
        boolean conditioned = day.askedQuestions().stream()
                .anyMatch(
                        q -> q.shownWhen() != null && q.shownWhen().questionId().equals(self));
        boolean valid = day.question(condition.questionId())
                .filter(other -> !other.removed() && other.kind().canCondition() && other.shownWhen() == null)
                .filter(other -> !other.id().equals(self) && !conditioned)
                .filter(other -> other.scope() == Question.Scope.COMPANY || scope == Question.Scope.ATTENDEE)
                .filter(other -> other.kind() == Question.Kind.YES_NO
                        ? Question.YES.equals(condition.value()) || Question.NO.equals(condition.value())
                        : other.choice(condition.value()).isPresent())
                .isPresent();
        if (!valid) {
            errors.rejectValue("shownWhen", "programme.question.shownWhen.unknown");
        }
    }

    /** The question as filled in; {@code before} gives the id and the ids of choices that keep their wording. */
    Question toQuestion(String id, Question before) {
        List<Question.Choice> given = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (String[] line : kind.hasChoices() ? choiceLines() : List.<String[]>of()) {
            String choiceId = before == null
                    ? null
                    : before.choices().stream()
                            .filter(c -> c.sv().equalsIgnoreCase(line[0]))
                            .map(Question.Choice::id)
                            .findFirst()
                            .orElse(null);
            if (choiceId == null || !taken.add(choiceId)) {
                choiceId = Slugs.of(
                        line[0],
                        t -> taken.contains(t)
                                || (before != null && before.choice(t).isPresent()));
                taken.add(choiceId);
            }
            given.add(new Question.Choice(choiceId, line[0], line[1]));
        }
        return new Question(
                id,
                kind,
                scope,
                required,
                textSv.strip(),
                blankToNull(textEn),
                blankToNull(helpSv),
                blankToNull(helpEn),
                given,
                condition(),
                false);
    }

    private Question.Condition condition() {
        if (shownWhen == null || shownWhen.isBlank() || !shownWhen.contains("=")) {
            return null;
        }
        int at = shownWhen.indexOf('=');
        return new Question.Condition(shownWhen.substring(0, at), shownWhen.substring(at + 1));
    }

    /** The choices' lines: Swedish, and English or null. */
    private List<String[]> choiceLines() {
        if (choices == null) {
            return List.of();
        }
        return choices.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .map(l -> {
                    int bar = l.indexOf('|');
                    return bar < 0
                            ? new String[] {l, null}
                            : new String[] {l.substring(0, bar).strip(), blankToNull(l.substring(bar + 1))};
                })
                .filter(l -> !l[0].isEmpty())
                .toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Question.Kind getKind() {
        return kind;
    }

    public void setKind(Question.Kind kind) {
        this.kind = kind;
    }

    public Question.Scope getScope() {
        return scope;
    }

    public void setScope(Question.Scope scope) {
        this.scope = scope;
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }

    public String getTextSv() {
        return textSv;
    }

    public void setTextSv(String textSv) {
        this.textSv = textSv;
    }

    public String getTextEn() {
        return textEn;
    }

    public void setTextEn(String textEn) {
        this.textEn = textEn;
    }

    public String getHelpSv() {
        return helpSv;
    }

    public void setHelpSv(String helpSv) {
        this.helpSv = helpSv;
    }

    public String getHelpEn() {
        return helpEn;
    }

    public void setHelpEn(String helpEn) {
        this.helpEn = helpEn;
    }

    public String getChoices() {
        return choices;
    }

    public void setChoices(String choices) {
        this.choices = choices;
    }

    public String getShownWhen() {
        return shownWhen;
    }

    public void setShownWhen(String shownWhen) {
        this.shownWhen = shownWhen;
    }
}
