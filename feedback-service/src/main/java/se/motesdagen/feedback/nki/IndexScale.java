package se.motesdagen.feedback.nki;

import java.util.List;
import java.util.OptionalDouble;

/**
 * How answers become the 0–100 index (DOMAIN.md): the answer scale's ends map linearly to 0 and 100,
 * and a respondent's NKI is the weighted mean of their three NKI answers (overall satisfaction, met
 * expectations, close to the ideal). Defaults: a 1–6 scale and equal weights; both configurable.
 */
public record IndexScale(int lowest, int highest, List<Double> weights) {

    public IndexScale {
        if (highest <= lowest) {
            throw new IllegalArgumentException("A scale runs upwards: " + lowest + "–" + highest);
        }
        weights = List.copyOf(weights);
        if (weights.size() != 3 || weights.stream().anyMatch(w -> w < 0) || sum(weights) <= 0) {
            throw new IllegalArgumentException("Three non-negative NKI weights, not all zero: " + weights);
        }
    }

    /** Insikt's: 1–6, the three questions weighing the same. */
    public static IndexScale insikt() {
        return new IndexScale(1, 6, List.of(1.0, 1.0, 1.0));
    }

    /** One answer on the 0–100 scale. */
    public double toIndex(int answer) {
        if (answer < lowest || answer > highest) {
            throw new IllegalArgumentException("Answer " + answer + " is outside " + lowest + "–" + highest);
        }
        return (answer - lowest) * 100.0 / (highest - lowest);
    }

    /**
     * A respondent's NKI from their three answers (null for a question left blank). Only a respondent
     * who answered all three counts, as in Insikt: a partial answer would weigh the others differently.
     */
    public OptionalDouble respondent(List<Integer> answers) {
        if (answers.size() != 3 || answers.stream().anyMatch(a -> a == null)) {
            return OptionalDouble.empty();
        }
        double total = 0;
        for (int i = 0; i < 3; i++) {
            total += weights.get(i) * toIndex(answers.get(i));
        }
        return OptionalDouble.of(total / sum(weights));
    }

    private static double sum(List<Double> weights) {
        return weights.stream().mapToDouble(Double::doubleValue).sum();
    }
}
