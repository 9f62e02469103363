package se.motesdagen.visit.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import se.motesdagen.visit.planning.Place;
import se.motesdagen.visit.planning.PlannedVisit;
import se.motesdagen.visit.planning.Team;

/**
 * A team's route drawn over the municipality's localities, for an SVG made on the server: no tile
 * server and no internet needed. The localities and the route share one projection (longitude scaled by
 * the cosine of the latitude, so distances look right at Nyköping's latitude) fitted into the view box.
 */
public record RouteMap(int width, int height, List<Point> localities, List<Point> route) {

    static final double MARGIN = 16;
    /** Room on the right for the names written beside the dots. */
    static final double LABEL_ROOM = 70;

    /** A place on the map: its name, where it is drawn, and its number on the route (0 for home and localities). */
    public record Point(String name, double x, double y, int number) {}

    public static RouteMap of(Team team, List<Place> localities, int width, int height) {
        List<Place> all = new ArrayList<>(localities);
        all.add(team.getHome());
        team.getVisits().forEach(v -> all.add(v.getPlace()));
        double meanLat = all.stream().mapToDouble(Place::latitude).average().orElse(58.75);
        double scale = Math.cos(Math.toRadians(meanLat));
        double minX = all.stream().mapToDouble(p -> p.longitude() * scale).min().orElse(0);
        double maxX = all.stream().mapToDouble(p -> p.longitude() * scale).max().orElse(1);
        double minY = all.stream().mapToDouble(Place::latitude).min().orElse(0);
        double maxY = all.stream().mapToDouble(Place::latitude).max().orElse(1);
        double factor = Math.min(
                (width - 2 * MARGIN) / Math.max(maxX - minX, 1e-6),
                (height - 2 * MARGIN) / Math.max(maxY - minY, 1e-6));
        Projection projection = place -> new double[] {
            MARGIN + (place.longitude() * scale - minX) * factor, height - MARGIN - (place.latitude() - minY) * factor
        };
        List<Point> drawnLocalities = localities.stream()
                .map(p -> point(p.name(), projection.at(p), 0))
                .toList();
        List<Point> route = new ArrayList<>();
        route.add(point(team.getHome().name(), projection.at(team.getHome()), 0));
        int number = 1;
        for (PlannedVisit visit : team.getVisits()) {
            route.add(point(visit.getCompany(), projection.at(visit.getPlace()), number++));
        }
        if (!team.getVisits().isEmpty()) {
            route.add(point(team.getHome().name(), projection.at(team.getHome()), 0));
        }
        return new RouteMap(width, height, drawnLocalities, route);
    }

    /** The route as an SVG polyline's points attribute. */
    public String polyline() {
        StringBuilder points = new StringBuilder();
        for (Point p : route) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", p.x(), p.y()));
        }
        return points.toString().strip();
    }

    /** The visits on the route (the numbered points), in order. */
    public List<Point> stops() {
        return route.stream().filter(p -> p.number() > 0).toList();
    }

    private static Point point(String name, double[] xy, int number) {
        return new Point(name, Math.round(xy[0] * 10) / 10.0, Math.round(xy[1] * 10) / 10.0, number);
    }

    private interface Projection {
        double[] at(Place place);
    }
}
