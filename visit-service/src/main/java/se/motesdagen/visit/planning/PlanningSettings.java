package se.motesdagen.visit.planning;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the municipality's visit days are shaped, under {@code motesdagen.visit.planning}: where teams
 * start and eat (the town hall), when they go out and lunch, how long a visit is, how many politicians
 * and officials make a team, the localities an address is placed by, and the municipality's own driving
 * minutes between pairs of them. Anything left out takes Nyköping's defaults.
 *
 * <pre>
 * motesdagen.visit.planning:
 *   localities:
 *     - { name: Nyköping, latitude: 58.7530, longitude: 17.0086 }
 *     - { name: Stigtomta, latitude: 58.8006, longitude: 16.7876 }
 *   travel-overrides:
 *     - { from: Nyköping, to: Stigtomta, minutes: 22 }
 *   team: { politicians: 1, officials: 1 }
 * </pre>
 */
@ConfigurationProperties("motesdagen.visit.planning")
public record PlanningSettings(
        Place home,
        LocalTime outAfterOpening,
        LocalTime lunch,
        Duration lunchLength,
        Duration visitLength,
        TeamShape team,
        List<Place> localities,
        List<TravelOverride> travelOverrides) {

    public PlanningSettings {
        home = home == null ? new Place("Stadshuset, Nyköping", 58.7530, 17.0086) : home;
        outAfterOpening = outAfterOpening == null ? LocalTime.of(9, 45) : outAfterOpening;
        lunch = lunch == null ? LocalTime.NOON : lunch;
        lunchLength = lunchLength == null ? Duration.ofHours(1) : lunchLength;
        visitLength = visitLength == null ? Duration.ofHours(1) : visitLength;
        team = team == null ? new TeamShape(1, 1) : team;
        localities = localities == null || localities.isEmpty() ? Localities.NYKOPING : List.copyOf(localities);
        travelOverrides = travelOverrides == null ? List.of() : List.copyOf(travelOverrides);
        if (team.politicians() < 0 || team.officials() < 0 || team.politicians() + team.officials() < 1) {
            throw new IllegalArgumentException("A team has at least one host: " + team);
        }
    }

    /** Nyköping's defaults. */
    public static PlanningSettings defaults() {
        return new PlanningSettings(null, null, null, null, null, null, null, null);
    }

    /** How many of each make a team (DOMAIN.md: one politician and one official). */
    public record TeamShape(int politicians, int officials) {}

    /** The municipality's own driving minutes between two localities, both ways. */
    public record TravelOverride(String from, String to, int minutes) {}

    /** The travel times with the overrides. */
    public TravelTimes travelTimes() {
        TravelTimes travel = new TravelTimes();
        travelOverrides.forEach(o -> travel.override(o.from(), o.to(), o.minutes()));
        return travel;
    }
}
