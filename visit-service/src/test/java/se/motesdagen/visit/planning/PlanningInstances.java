package se.motesdagen.visit.planning;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Realistic days of visits, made up from a seed so a run can be repeated: companies spread over the
 * municipality's localities (most in the town), a quarter that can only receive in the morning and a
 * quarter only in the afternoon, one or two topics each; teams of one politician and one official, out
 * from the town hall after the 09.00 opening, with a joint lunch at the town hall.
 */
final class PlanningInstances {

    static final Place TOWN_HALL = new Place("Stadshuset, Nyköping", 58.7530, 17.0086);
    static final List<String> AREAS = List.of(
            "bygglov",
            "miljö- och hälsoskydd",
            "livsmedelskontroll",
            "serveringstillstånd",
            "kompetensförsörjning",
            "infrastruktur",
            "upphandling");
    static final LocalTime DAY_STARTS = LocalTime.of(9, 45);
    static final LocalTime DAY_ENDS = LocalTime.of(17, 0);

    private PlanningInstances() {}

    static VisitPlan generate(int visits, int teams, int days, long seed) {
        Random random = new Random(seed);
        TravelTimes travel = new TravelTimes();
        LocalDate first = LocalDate.of(2027, 8, 26);
        List<Team> allTeams = new ArrayList<>();
        List<TeamMember[]> pairs = new ArrayList<>();
        for (int t = 0; t < teams; t++) {
            TeamMember politician =
                    new TeamMember("p" + t, "Politiker " + (t + 1), TeamMember.Role.POLITICIAN, Set.of());
            TeamMember official = new TeamMember(
                    "o" + t, "Tjänsteperson " + (t + 1), TeamMember.Role.OFFICIAL, randomTopics(random, 3));
            pairs.add(new TeamMember[] {politician, official});
        }
        for (int d = 0; d < days; d++) {
            LocalDate day = first.plusDays(d);
            FixedPoint lunch = new FixedPoint("Lunch", new Window(day.atTime(12, 0), day.atTime(13, 0)), TOWN_HALL);
            for (int t = 0; t < teams; t++) {
                allTeams.add(new Team(
                        "lag-" + (t + 1) + "-dag-" + (d + 1),
                        List.of(pairs.get(t)),
                        new Window(day.atTime(DAY_STARTS), day.atTime(DAY_ENDS)),
                        TOWN_HALL,
                        lunch,
                        travel));
            }
        }
        List<PlannedVisit> all = new ArrayList<>();
        for (int v = 0; v < visits; v++) {
            Place locality = random.nextDouble() < 0.6
                    ? Localities.NYKOPING.getFirst()
                    : Localities.NYKOPING.get(1 + random.nextInt(Localities.NYKOPING.size() - 1));
            Place place = new Place(
                    "Företag " + (v + 1) + ", " + locality.name(),
                    locality.latitude() + (random.nextDouble() - 0.5) * 0.03,
                    locality.longitude() + (random.nextDouble() - 0.5) * 0.06);
            LocalDate day = first.plusDays(random.nextInt(days));
            double kind = random.nextDouble();
            List<Window> windows = new ArrayList<>();
            if (kind < 0.25) {
                windows.add(new Window(day.atTime(DAY_STARTS), day.atTime(12, 0)));
            } else if (kind < 0.5) {
                windows.add(new Window(day.atTime(13, 0), day.atTime(DAY_ENDS)));
            }
            Window preferred = random.nextDouble() < 0.2 ? new Window(day.atTime(DAY_STARTS), day.atTime(12, 0)) : null;
            all.add(new PlannedVisit(
                    "besok-" + (v + 1),
                    "Företag " + (v + 1),
                    place,
                    Duration.ofHours(1),
                    windows,
                    preferred,
                    randomTopics(random, 1 + random.nextInt(2))));
        }
        return new VisitPlan(allTeams, all);
    }

    private static Set<String> randomTopics(Random random, int count) {
        Set<String> topics = new HashSet<>();
        while (topics.size() < count) {
            topics.add(AREAS.get(random.nextInt(AREAS.size())));
        }
        return topics;
    }

    static LocalDateTime at(int hour, int minute) {
        return LocalDate.of(2027, 8, 26).atTime(hour, minute);
    }
}
