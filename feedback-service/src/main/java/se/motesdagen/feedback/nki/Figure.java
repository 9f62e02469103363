package se.motesdagen.feedback.nki;

import java.util.Collection;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * An index for a group of respondents (a survey, a day, a year, an area, a service factor): how many
 * answered, the mean on the 0–100 scale with its 95 % confidence interval (Student's t, as the group is
 * small), and its grade. Below the minimum number of answers (SKR: 7) the figure is suppressed: n is
 * shown, the index is not, so no one's answer can be read out of it.
 */
public record Figure(int n, boolean suppressed, double index, double low, double high, Grade grade) {

    /** SKR's minimum number of answers for publishing an index. */
    public static final int MINIMUM_N = 7;

    public static Figure of(Collection<Double> values) {
        return of(values, MINIMUM_N);
    }

    public static Figure of(Collection<Double> values, int minimumN) {
        int n = values.size();
        if (n < Math.max(2, minimumN)) {
            return new Figure(n, true, Double.NaN, Double.NaN, Double.NaN, null);
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double squares =
                values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double standardError = Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
        double t = TDistribution.of(n - 1).inverseCumulativeProbability(0.975);
        double half = t * standardError;
        return new Figure(n, false, mean, Math.max(0, mean - half), Math.min(100, mean + half), Grade.of(mean));
    }

    /** The index, when it may be shown. */
    public OptionalDouble value() {
        return suppressed ? OptionalDouble.empty() : OptionalDouble.of(index);
    }

    /** The index as published: a whole number. */
    public long rounded() {
        return Math.round(index);
    }
}
