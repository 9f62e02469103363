package se.motesdagen.feedback.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import se.motesdagen.feedback.nki.Figure;
import se.motesdagen.feedback.proposal.AreaCodes;
import se.motesdagen.feedback.survey.Invitation;
import se.motesdagen.feedback.survey.Invitations;
import se.motesdagen.feedback.survey.Questionnaire;
import se.motesdagen.feedback.survey.SurveySettings;

/**
 * The figures of the dashboard, worked out from the answers as they stand: NKI with its interval and
 * grade, each service factor on the same scale, how the answers spread, NKI year by year, the response
 * rate of each batch of invitations, and what respondents want changed. Anonymous: a name shows only
 * beside an answer whose respondent asked to be contacted.
 */
@Service
public class Results {

    private final Invitations invitations;
    private final SurveySettings settings;

    Results(Invitations invitations, SurveySettings settings) {
        this.invitations = invitations;
        this.settings = settings;
    }

    /** The answers to show: of one kind ("day", "visit", "yearly"; null for all) and one year (null for all). */
    public record Filter(String kind, Integer year) {

        boolean matches(Invitation invitation) {
            return (kind == null || kind.equals(invitation.getKind()))
                    && (year == null
                            || (invitation.getAboutDate() != null
                                    && invitation.getAboutDate().getYear() == year));
        }
    }

    /** How many of one batch of invitations were answered. */
    public record Batch(String kind, String about, int invited, int answered) {

        public int percent() {
            return invited == 0 ? 0 : Math.round(answered * 100f / invited);
        }
    }

    /** One answer's spread: for each step of the scale how many chose it, and how many did not know. */
    public record Spread(String question, Map<Integer, Integer> steps, int dontKnow) {}

    /**
     * A respondent's words, with the authority area they named (or null) and who said it only when they
     * asked to be contacted.
     */
    public record Said(String text, String about, String who, String area) {}

    public record Summary(
            Figure nki,
            Map<String, Figure> factors,
            List<Spread> spreads,
            Map<Integer, Figure> nkiByYear,
            Map<String, Figure> nkiByArea,
            Map<String, Figure> nkiByDay,
            List<Batch> batches,
            List<Said> said,
            int answered) {}

    /**
     * The figures for the filter; who asked to be contacted is named only {@code withContacts} (staff
     * who plan; an analyst sees no personal data).
     */
    public Summary summary(Filter filter, String search, boolean withContacts) {
        Questionnaire questionnaire = settings.questionnaire();
        List<Invitation> all = invitations.all();
        List<Invitation> answered = all.stream()
                .filter(i -> i.getSubmittedAt() != null)
                .filter(filter::matches)
                .toList();
        Figure nki = Figure.of(nkiValues(answered, questionnaire));
        Map<String, Figure> factors = new LinkedHashMap<>();
        for (String factor : questionnaire.factors()) {
            factors.put(
                    factor,
                    Figure.of(answered.stream()
                            .map(i -> i.getAnswer().rating(factor))
                            .filter(Objects::nonNull)
                            .map(step -> questionnaire.scale().toIndex(step))
                            .toList()));
        }
        List<Spread> spreads = questionnaire.rated().stream()
                .map(q -> spread(q, answered, questionnaire))
                .toList();
        Map<Integer, Figure> byYear = new TreeMap<>();
        all.stream()
                .filter(i -> i.getSubmittedAt() != null && i.getAboutDate() != null)
                .filter(i -> filter.kind() == null || filter.kind().equals(i.getKind()))
                .collect(Collectors.groupingBy(i -> i.getAboutDate().getYear()))
                .forEach((year, ofYear) -> byYear.put(year, Figure.of(nkiValues(ofYear, questionnaire))));
        // NKI per authority area: the answers whose respondent said what their matter was about
        Map<String, Figure> byArea = new LinkedHashMap<>();
        Map<String, List<Invitation>> answeredByArea = answered.stream()
                .filter(i -> i.getAnswer().area() != null)
                .collect(Collectors.groupingBy(i -> i.getAnswer().area()));
        AreaCodes.CODES.stream()
                .filter(answeredByArea::containsKey)
                .forEach(area -> byArea.put(area, Figure.of(nkiValues(answeredByArea.get(area), questionnaire))));
        // NKI per day (each business-dialogue day's own survey), newest first
        Map<String, Figure> byDay = new LinkedHashMap<>();
        answered.stream()
                .filter(i -> "day".equals(i.getKind()) && i.getAboutTitle() != null)
                .collect(Collectors.groupingBy(Invitation::getAboutTitle))
                .entrySet()
                .stream()
                .sorted(Comparator.comparing(
                                (Map.Entry<String, List<Invitation>> e) ->
                                        e.getValue().getFirst().getAboutDate(),
                                Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
                        .reversed())
                .forEach(e -> byDay.put(e.getKey(), Figure.of(nkiValues(e.getValue(), questionnaire))));
        List<Batch> batches = all.stream()
                .filter(filter::matches)
                .collect(Collectors.groupingBy(
                        i -> i.getKind() + "|" + ("day".equals(i.getKind()) ? i.getAboutTitle() : ""),
                        LinkedHashMap::new,
                        Collectors.toList()))
                .values()
                .stream()
                .map(batch -> new Batch(
                        batch.getFirst().getKind(),
                        "day".equals(batch.getFirst().getKind())
                                ? batch.getFirst().getAboutTitle()
                                : null,
                        batch.size(),
                        (int) batch.stream()
                                .filter(i -> i.getSubmittedAt() != null)
                                .count()))
                .toList();
        String needle = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        List<Said> said = answered.stream()
                .filter(i -> i.getAnswer().change() != null)
                .filter(i -> needle.isEmpty()
                        || i.getAnswer().change().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing(Invitation::getSubmittedAt).reversed())
                .map(i -> new Said(
                        i.getAnswer().change(),
                        i.getAboutTitle(),
                        withContacts && i.getAnswer().wantsContact() && i.getRecipientName() != null
                                ? i.getRecipientName() + ", " + i.getCompanyName()
                                : null,
                        i.getAnswer().area()))
                .toList();
        return new Summary(nki, factors, spreads, byYear, byArea, byDay, batches, said, answered.size());
    }

    /** Each answered invitation as a row for the export: anonymous, the figures and the words; the contact column only {@code withContacts}. */
    public List<List<String>> rows(Filter filter, boolean withContacts) {
        Questionnaire questionnaire = settings.questionnaire();
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("enkät", "gäller", "datum", "område", "nki"));
        header.addAll(questionnaire.rated());
        header.addAll(List.of("ändra", "återkoppling", "vill bli kontaktad", "kontakt"));
        rows.add(header);
        invitations.all().stream()
                .filter(i -> i.getSubmittedAt() != null)
                .filter(filter::matches)
                .sorted(Comparator.comparing(Invitation::getSubmittedAt))
                .forEach(i -> {
                    Invitation.Answer answer = i.getAnswer();
                    var nki = questionnaire
                            .scale()
                            .respondent(questionnaire.nki().stream()
                                    .map(answer::rating)
                                    .toList());
                    List<String> row = new ArrayList<>(List.of(
                            i.getKind(),
                            i.getAboutTitle(),
                            i.getAboutDate() == null ? "" : i.getAboutDate().toString(),
                            answer.area() == null ? "" : answer.area(),
                            nki.isPresent() ? String.format(Locale.ROOT, "%.1f", nki.getAsDouble()) : ""));
                    for (String q : questionnaire.rated()) {
                        Integer step = answer.rating(q);
                        row.add(step == null ? "" : step.toString());
                    }
                    row.add(answer.change() == null ? "" : answer.change());
                    row.add(answer.hearBack() == null ? "" : answer.hearBack());
                    row.add(answer.wantsContact() ? "ja" : "nej");
                    row.add(
                            withContacts && answer.wantsContact() && i.getRecipientName() != null
                                    ? i.getRecipientName() + ", " + i.getCompanyName()
                                    : "");
                    rows.add(row);
                });
        return rows;
    }

    private static List<Double> nkiValues(List<Invitation> answered, Questionnaire questionnaire) {
        List<Double> values = new ArrayList<>();
        for (Invitation i : answered) {
            questionnaire
                    .scale()
                    .respondent(questionnaire.nki().stream()
                            .map(i.getAnswer()::rating)
                            .toList())
                    .ifPresent(values::add);
        }
        return values;
    }

    private static Spread spread(String question, List<Invitation> answered, Questionnaire questionnaire) {
        Map<Integer, Integer> steps = new LinkedHashMap<>();
        questionnaire.steps().forEach(s -> steps.put(s, 0));
        int dontKnow = 0;
        for (Invitation i : answered) {
            var ratings = i.getAnswer().ratings();
            if (ratings == null || !ratings.containsKey(question)) {
                continue;
            }
            Integer step = ratings.get(question);
            if (step == null) {
                dontKnow++;
            } else {
                steps.merge(step, 1, Integer::sum);
            }
        }
        return new Spread(question, steps, dontKnow);
    }
}
