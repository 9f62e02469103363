package se.motesdagen.registration.overview.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Question;

/** The answers the staff list can be filtered by: each choice, and yes and no, of the day's questions. */
record AnswerFilters(String value, String label) {

    private static final Locale SWEDISH = Locale.of("sv");

    static List<AnswerFilters> of(Day day) {
        List<AnswerFilters> filters = new ArrayList<>();
        for (Question question : day.questions()) {
            List<String> values = question.kind() == Question.Kind.YES_NO
                    ? List.of(Question.YES, Question.NO)
                    : question.choices().stream().map(Question.Choice::id).toList();
            for (String value : values) {
                filters.add(new AnswerFilters(
                        question.id() + "=" + value, question.textSv() + ": " + question.label(value, SWEDISH)));
            }
        }
        return filters;
    }
}
