package se.motesdagen.feedback.survey;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import se.motesdagen.feedback.nki.IndexScale;

/**
 * What a survey asks: the six service factors of SKR's Insikt, the three NKI questions, what the
 * municipality should change, and how the respondent wants to hear back. Every rating is on the
 * configured scale, with "don't know" beside it. The words are in the messages ({@code survey.q.<code>}).
 * Staff choose per kind of survey which factors are asked and whether the respondent says which authority
 * area their matter was about ({@link SurveyDesigns}); the three NKI questions are always asked.
 */
public record Questionnaire(List<String> factors, List<String> nki, IndexScale scale, boolean askArea) {

    /** Insikt's service factors, by code. */
    public static final List<String> FACTORS =
            List.of("information", "tillganglighet", "bemotande", "kompetens", "rattssakerhet", "effektivitet");

    /** The three NKI questions: overall satisfaction, met expectations, close to the ideal. */
    public static final List<String> NKI = List.of("nki-helhet", "nki-forvantningar", "nki-ideal");

    /** How a respondent can want to hear back. */
    public static final List<String> HEAR_BACK = List.of("email", "phone", "meeting", "none");

    /** Every factor, no area question: what the figures are read with, whatever a survey asked. */
    public static Questionnaire insikt(IndexScale scale) {
        return new Questionnaire(FACTORS, NKI, scale, false);
    }

    /** Every rated question, factors first. */
    public List<String> rated() {
        return Stream.concat(factors.stream(), nki.stream()).toList();
    }

    /** The scale's steps, lowest first. */
    public List<Integer> steps() {
        return IntStream.rangeClosed(scale.lowest(), scale.highest()).boxed().toList();
    }
}
