package se.motesdagen.feedback.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.DoubleFunction;
import java.util.function.IntFunction;
import se.motesdagen.feedback.nki.Figure;

/**
 * The NKI trend drawn on the server as SVG: our index year by year (suppressed years left out) and each
 * reference series beside it, on a 0–100 scale. The page puts the same figures in a table.
 */
public record TrendChart(int width, int height, List<Line> lines, List<Tick> years, List<Tick> levels) {

    /** One series: its name, its points as SVG coordinates, and whether it is ours. */
    public record Line(String name, boolean ours, String points, List<Dot> dots) {}

    public record Dot(double x, double y, String label) {}

    public record Tick(double at, String label) {}

    static final int LEFT = 40;
    static final int RIGHT = 16;
    static final int TOP = 12;
    static final int BOTTOM = 28;

    public static TrendChart of(Map<Integer, Figure> ours, List<ReferencePoint> reference, int width, int height) {
        TreeSet<Integer> allYears = new TreeSet<>();
        ours.forEach((year, figure) -> {
            if (!figure.suppressed()) {
                allYears.add(year);
            }
        });
        reference.forEach(p -> allYears.add(p.year()));
        if (allYears.isEmpty()) {
            return new TrendChart(width, height, List.of(), List.of(), List.of());
        }
        int first = allYears.first();
        int last = Math.max(allYears.last(), first + 1);
        double plotWidth = width - LEFT - RIGHT;
        double plotHeight = height - TOP - BOTTOM;
        IntFunction<Double> x = year -> LEFT + (year - first) * plotWidth / (last - first);
        DoubleFunction<Double> y = index -> TOP + (100 - index) * plotHeight / 100;
        List<Line> lines = new ArrayList<>();
        List<Dot> ourDots = new ArrayList<>();
        ours.forEach((year, figure) -> {
            if (!figure.suppressed()) {
                ourDots.add(new Dot(x.apply(year), y.apply(figure.index()), year + ": " + figure.rounded()));
            }
        });
        if (!ourDots.isEmpty()) {
            lines.add(new Line("Mötesdagen", true, points(ourDots), ourDots));
        }
        reference.stream().map(ReferencePoint::source).distinct().forEach(source -> {
            List<Dot> dots = reference.stream()
                    .filter(p -> p.source().equals(source))
                    .map(p -> new Dot(x.apply(p.year()), y.apply(p.index()), p.year() + ": " + Math.round(p.index())))
                    .toList();
            lines.add(new Line(source, false, points(dots), dots));
        });
        List<Tick> years = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            years.add(new Tick(x.apply(year), Integer.toString(year)));
        }
        List<Tick> levels = new ArrayList<>();
        for (int level = 0; level <= 100; level += 25) {
            levels.add(new Tick(y.apply(level), Integer.toString(level)));
        }
        return new TrendChart(width, height, lines, years, levels);
    }

    private static String points(List<Dot> dots) {
        StringBuilder points = new StringBuilder();
        for (Dot dot : dots) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", dot.x(), dot.y()));
        }
        return points.toString().strip();
    }
}
