package se.motesdagen.registration.signup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Question;
import se.motesdagen.registration.signup.SubmitOutcome.FieldProblem;

/**
 * The day's own questions, wherever a registration is given or changed (the form, the API, staff, the
 * manage link): which are asked (a question shown only on another's answer is not asked, and an answer
 * to it is dropped, without it), whether the answers are right, and the answers as stored. The raw
 * answers are what the form or the JSON gave: a text, a list of them, a number or a boolean.
 */
public final class QuestionRules {

    /** Markup in a text answer: a tag, a comment or an entity; "< 5 anställda" is fine. */
    private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z!/?]|&#|&[a-zA-Z]+;");

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

    private static final int NUMBER_MAX_LENGTH = 15;

    private QuestionRules() {}

    /** What was given, checked against the day's questions. */
    public record Read(List<FieldProblem> problems, List<Registration.Answer> answers) {}

    /**
     * Reads the answers of the company and of each attendee (the ids the attendees will have, in order).
     * The question's wording and the answer's text are in the form's language.
     */
    public static Read read(Day day, AttendeesAndVisit form, List<String> attendeeIds, Locale language) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Registration.Answer> answers = new ArrayList<>();
        Map<String, Object> company = form.getAnswers();
        for (String unknown : unknownKeys(day, company, Question.Scope.COMPANY)) {
            problems.add(new FieldProblem("answers[" + unknown + "]", "registration.question.unknown"));
        }
        for (Question question : day.askedQuestions()) {
            if (!question.forAttendees() && asked(day, question, company, company)) {
                readOne(question, company.get(question.id()), "answers[" + question.id() + "]", null, language)
                        .accept(problems, answers);
            }
        }
        for (int i = 0; i < form.getAttendees().size(); i++) {
            Map<String, Object> own = form.getAttendees().get(i).getAnswers();
            String prefix = "attendees[" + i + "].answers[";
            for (String unknown : unknownKeys(day, own, Question.Scope.ATTENDEE)) {
                problems.add(new FieldProblem(prefix + unknown + "]", "registration.question.unknown"));
            }
            for (Question question : day.askedQuestions()) {
                if (question.forAttendees() && asked(day, question, company, own)) {
                    readOne(
                                    question,
                                    own.get(question.id()),
                                    prefix + question.id() + "]",
                                    attendeeIds.get(i),
                                    language)
                            .accept(problems, answers);
                }
            }
        }
        return new Read(problems, answers);
    }

    /** Whether the question is asked: always, or when the question it depends on has the answer. */
    public static boolean asked(Day day, Question question, Map<String, Object> company, Map<String, Object> own) {
        if (question.shownWhen() == null) {
            return true;
        }
        Optional<Question> other = day.question(question.shownWhen().questionId());
        if (other.isEmpty() || other.get().removed()) {
            return true;
        }
        Map<String, Object> answers = other.get().forAttendees() ? own : company;
        return values(other.get(), answers.get(other.get().id()))
                .contains(question.shownWhen().value());
    }

    private static List<String> unknownKeys(Day day, Map<String, Object> given, Question.Scope scope) {
        return given.keySet().stream()
                .filter(id -> day.question(id)
                        .filter(q -> !q.removed() && q.scope() == scope)
                        .isEmpty())
                .sorted()
                .toList();
    }

    private record One(FieldProblem problem, Registration.Answer answer) {

        void accept(List<FieldProblem> problems, List<Registration.Answer> answers) {
            if (problem != null) {
                problems.add(problem);
            }
            if (answer != null) {
                answers.add(answer);
            }
        }
    }

    private static One readOne(Question question, Object raw, String field, String attendeeId, Locale language) {
        List<String> values = values(question, raw);
        if (values.isEmpty()) {
            return new One(
                    question.required() ? new FieldProblem(field, "registration.question.required") : null, null);
        }
        String wrong = wrong(question, values);
        if (wrong != null) {
            return new One(new FieldProblem(field, wrong), null);
        }
        List<String> stored = question.kind() == Question.Kind.NUMBER
                ? List.of(new BigDecimal(values.getFirst().replace(',', '.').replace(" ", "")).toPlainString())
                : values;
        String text = stored.stream().map(v -> question.label(v, language)).collect(Collectors.joining(", "));
        return new One(null, new Registration.Answer(question.id(), attendeeId, question.text(language), stored, text));
    }

    /** The message key of what is wrong with the answer, or null. */
    private static String wrong(Question question, List<String> values) {
        switch (question.kind()) {
            case SHORT_TEXT, LONG_TEXT -> {
                String text = String.join(", ", values);
                int max =
                        question.kind() == Question.Kind.SHORT_TEXT ? Question.SHORT_TEXT_MAX : Question.LONG_TEXT_MAX;
                if (text.length() > max) {
                    return question.kind() == Question.Kind.SHORT_TEXT
                            ? "registration.question.tooLong.short"
                            : "registration.question.tooLong.long";
                }
                if (MARKUP.matcher(text).find() || CONTROL.matcher(text).find()) {
                    return "registration.question.markup";
                }
            }
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                if (values.stream().anyMatch(v -> question.choice(v).isEmpty())) {
                    return "registration.question.unknownChoice";
                }
                if (question.kind() == Question.Kind.SINGLE_CHOICE && values.size() > 1) {
                    return "registration.question.oneChoice";
                }
            }
            case YES_NO -> {
                if (values.size() > 1
                        || !(Question.YES.equals(values.getFirst()) || Question.NO.equals(values.getFirst()))) {
                    return "registration.question.yesNo";
                }
            }
            case NUMBER -> {
                String number = values.getFirst().replace(',', '.').replace(" ", "");
                if (values.size() > 1 || number.length() > NUMBER_MAX_LENGTH) {
                    return "registration.question.number";
                }
                try {
                    new BigDecimal(number);
                } catch (NumberFormatException notANumber) {
                    return "registration.question.number";
                }
            }
            case DATE -> {
                try {
                    if (values.size() > 1) {
                        return "registration.question.date";
                    }
                    LocalDate.parse(values.getFirst());
                } catch (DateTimeParseException notADate) {
                    return "registration.question.date";
                }
            }
        }
        return null;
    }

    /** What the form shows as given for the question: its values (for the checked boxes and the fields). */
    public static List<String> given(Question question, Object raw) {
        return values(question, raw);
    }

    /**
     * The raw answer as a list of values, blanks dropped: a choice question's several values (given as
     * a list, or a form's checkboxes), a boolean as yes/no, anything else as its text.
     */
    static List<String> values(Question question, Object raw) {
        List<String> values = new ArrayList<>();
        switch (raw) {
            case null -> {}
            case String[] array -> values.addAll(Arrays.asList(array));
            case Collection<?> list -> list.forEach(v -> values.add(v == null ? null : scalar(v)));
            default -> values.add(scalar(raw));
        }
        List<String> cleaned = values.stream()
                .filter(v -> v != null && !v.isBlank())
                .map(String::strip)
                .toList();
        if (question.kind() == Question.Kind.MULTIPLE_CHOICE) {
            return List.copyOf(new LinkedHashSet<>(cleaned));
        }
        if (!question.kind().hasChoices() && question.kind() != Question.Kind.YES_NO && cleaned.size() > 1) {
            return List.of(String.join(", ", cleaned));
        }
        return cleaned;
    }

    private static String scalar(Object value) {
        return switch (value) {
            case Boolean yes -> yes ? Question.YES : Question.NO;
            default -> String.valueOf(value);
        };
    }
}
