package se.motesdagen.feedback.nki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * NKI worked out by hand (a spreadsheet would give the same): the answers, each respondent's index,
 * the mean, the sample standard deviation, Student's t for n − 1 degrees of freedom, the interval.
 */
class NkiArithmeticTests {

    private final IndexScale insikt = IndexScale.insikt();

    @Test
    void sevenRespondentsOnInsiktsScaleGiveTheIndexTheIntervalAndTheGradeWorkedOutByHand() {
        // (6,6,6) → 100; (5,5,5) → 80; (4,4,4) → 60; (5,4,4) → 66.67; (6,5,5) → 86.67; (3,3,4) → 46.67;
        // (5,5,6) → 86.67. Mean 526.67 / 7 = 75.238. Squared deviations sum 2019.05; s = √(2019.05 / 6)
        // = 18.344; t(0.975; 6) = 2.4469; half-width 2.4469 × 18.344 / √7 = 16.966 → 58.27–92.20.
        List<Double> respondents = List.of(
                        answers(6, 6, 6),
                        answers(5, 5, 5),
                        answers(4, 4, 4),
                        answers(5, 4, 4),
                        answers(6, 5, 5),
                        answers(3, 3, 4),
                        answers(5, 5, 6))
                .stream()
                .map(a -> insikt.respondent(a).orElseThrow())
                .toList();
        assertThat(respondents.get(3)).isCloseTo(66.667, within(0.001));

        Figure nki = Figure.of(respondents);

        assertThat(nki.suppressed()).isFalse();
        assertThat(nki.n()).isEqualTo(7);
        assertThat(nki.index()).isCloseTo(75.238, within(0.001));
        assertThat(nki.low()).isCloseTo(58.273, within(0.001));
        assertThat(nki.high()).isCloseTo(92.204, within(0.001));
        assertThat(nki.rounded()).isEqualTo(75);
        assertThat(nki.grade()).isEqualTo(Grade.HOGT);
    }

    @Test
    void sixAnswersAreOneTooFewTheFigureIsSuppressedButItsNumberShown() {
        List<Double> six = List.of(100.0, 80.0, 60.0, 60.0, 40.0, 20.0);

        Figure figure = Figure.of(six);

        assertThat(figure.suppressed()).isTrue();
        assertThat(figure.n()).isEqualTo(6);
        assertThat(figure.value()).isEmpty();
        assertThat(figure.grade()).isNull();
        // the seventh answer lifts the suppression
        assertThat(Figure.of(append(six, 100.0)).value()).isPresent();
    }

    @Test
    void aConfiguredFivePointScaleWithUnequalWeightsIsWorkedOutTheSameWay() {
        // 1–5: an answer a maps to (a − 1) × 25; weights ½, ¼, ¼. (5,4,3) → 50 + 18.75 + 12.5 = 81.25
        IndexScale five = new IndexScale(1, 5, List.of(2.0, 1.0, 1.0));
        List<Double> respondents = List.of(
                        answers(5, 4, 3),
                        answers(4, 4, 4),
                        answers(3, 5, 5),
                        answers(5, 5, 5),
                        answers(2, 3, 4),
                        answers(4, 3, 3),
                        answers(5, 4, 4),
                        answers(3, 3, 3))
                .stream()
                .map(a -> five.respondent(a).orElseThrow())
                .toList();
        assertThat(respondents.getFirst()).isEqualTo(81.25);

        // mean 71.875, s = 18.898, t(0.975; 7) = 2.3646 → 56.076–87.674
        Figure figure = Figure.of(respondents);
        assertThat(figure.index()).isEqualTo(71.875);
        assertThat(figure.low()).isCloseTo(56.076, within(0.001));
        assertThat(figure.high()).isCloseTo(87.674, within(0.001));
        assertThat(figure.grade()).isEqualTo(Grade.HOGT);
    }

    @Test
    void aRespondentWhoLeftAnNkiQuestionBlankDoesNotCountAndAnAnswerOffTheScaleIsRefused() {
        assertThat(insikt.respondent(Arrays.asList(6, null, 6))).isEmpty();
        assertThat(insikt.toIndex(1)).isZero();
        assertThat(insikt.toIndex(6)).isEqualTo(100);
        assertThatThrownBy(() -> insikt.toIndex(7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IndexScale(1, 6, List.of(0.0, 0.0, 0.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theGradeFollowsTheWholeNumberTheIndexRoundsTo() {
        assertThat(Grade.of(79.5)).isEqualTo(Grade.MYCKET_HOGT);
        assertThat(Grade.of(79.4)).isEqualTo(Grade.HOGT);
        assertThat(Grade.of(69.5)).isEqualTo(Grade.HOGT);
        assertThat(Grade.of(61.5)).isEqualTo(Grade.GODKANT);
        assertThat(Grade.of(61.4)).isEqualTo(Grade.LAGT);
        assertThat(Grade.of(49.5)).isEqualTo(Grade.LAGT);
        assertThat(Grade.of(49.4)).isEqualTo(Grade.MYCKET_LAGT);
    }

    @Test
    void theIntervalStaysOnTheScale() {
        Figure nearlyAllTop = Figure.of(List.of(100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 60.0));
        assertThat(nearlyAllTop.high()).isEqualTo(100);
        assertThat(nearlyAllTop.low()).isLessThan(nearlyAllTop.index());
    }

    private static List<Integer> answers(int satisfied, int expectations, int ideal) {
        return List.of(satisfied, expectations, ideal);
    }

    private static List<Double> append(List<Double> values, double value) {
        List<Double> more = new ArrayList<>(values);
        more.add(value);
        return more;
    }
}
