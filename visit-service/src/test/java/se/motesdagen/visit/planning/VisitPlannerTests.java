package se.motesdagen.visit.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static se.motesdagen.visit.planning.PlanningInstances.TOWN_HALL;
import static se.motesdagen.visit.planning.PlanningInstances.at;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.motesdagen.visit.board.PlanEdits;

/** The rules of the day, checked on small days worked out by hand, and the solver keeping them. */
class VisitPlannerTests {

    private final TravelTimes travel = new TravelTimes();
    private final FixedPoint lunch = new FixedPoint("Lunch", new Window(at(12, 0), at(13, 0)), TOWN_HALL);
    private final Place town = new Place("Bagargatan 3, Nyköping", 58.7530, 17.0086);
    private final Place stigtomta = Localities.named("Stigtomta").orElseThrow();

    @Test
    void aVisitThatCannotBeOverInTimeForLunchIsMadeAfterItAndOneWhoseCompanyOnlyReceivesBeforeLunchBreaksARule() {
        Team team = team("lag-1", Set.of());
        PlannedVisit first = visit("first", town, List.of());
        PlannedVisit far = visit("far", stigtomta, List.of());
        team.setVisits(new ArrayList<>(List.of(first, far)));
        VisitPlan plan = new VisitPlan(List.of(team), List.of(first, far));

        var score = VisitPlanner.firstFit().update(plan);

        int toTown = travel.minutes(TOWN_HALL, town);
        int toStigtomta = travel.minutes(TOWN_HALL, stigtomta);
        assertThat(first.getStart()).isEqualTo(at(9, 45).plusMinutes(toTown));
        // Stigtomta after the first visit would end 11.5x and the drive back makes lunch late: after lunch
        assertThat(far.getStart()).isEqualTo(at(13, 0).plusMinutes(toStigtomta));
        assertThat(far.getDriveMinutes()).isEqualTo(travel.minutes(town, TOWN_HALL) + toStigtomta);
        assertThat(score.hardScore()).isZero();
        assertThat(far.reasons()).extracting(PlannedVisit.Reason::code).containsExactly("driveThroughLunch");
        assertThat(far.reasons().getFirst().arguments())
                .containsExactly(travel.minutes(town, TOWN_HALL) + toStigtomta, "first");
        assertThat(first.reasons().getFirst().arguments()).containsExactly(toTown, TOWN_HALL.name());

        // a company that only receives before lunch cannot have it so: the minutes outside are counted
        PlannedVisit morningOnly = visit("morning", stigtomta, List.of(new Window(at(9, 45), at(12, 0))));
        team.setVisits(new ArrayList<>(List.of(first, morningOnly)));
        var broken = VisitPlanner.firstFit().update(new VisitPlan(List.of(team), List.of(first, morningOnly)));
        assertThat(morningOnly.getStart()).isAfterOrEqualTo(at(13, 0));
        assertThat(broken.hardScore()).isEqualTo(-60);
        assertThat(morningOnly.reasons())
                .extracting(PlannedVisit.Reason::code)
                .containsExactly("driveThroughLunch", "outsideWindow");
        assertThat(morningOnly.breaksRules()).isTrue();
        assertThat(first.breaksRules()).isFalse();
    }

    @Test
    void theSolverKeepsEveryRuleVisitsTheAfternoonCompanyAfterLunchAndGivesTheTopicToTheOfficialWhoKnowsIt() {
        Team generalists = team("lag-1", Set.of("upphandling"));
        Team foodExperts = team("lag-2", Set.of("livsmedelskontroll"));
        List<PlannedVisit> visits = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            visits.add(visit("stad-" + i, new Place("Företag " + i, 58.75 + i * 0.002, 17.0 + i * 0.004), List.of()));
        }
        PlannedVisit afternoon = visit("eftermiddag", stigtomta, List.of(new Window(at(13, 0), at(17, 0))));
        // the company's own words, as the registration form takes them: the area is named in them
        PlannedVisit food = new PlannedVisit(
                "bageri",
                "Bageriet",
                town,
                Duration.ofHours(1),
                List.of(),
                null,
                Set.of("Livsmedelskontroll av det nya bageriet"));
        visits.add(afternoon);
        visits.add(food);
        VisitPlan plan = VisitPlanner.optimising(Duration.ofSeconds(5), Duration.ofSeconds(2))
                .solve(new VisitPlan(List.of(generalists, foodExperts), visits));

        assertThat(plan.getScore().isFeasible()).isTrue();
        assertThat(plan.unplanned()).as(describe(plan)).isZero();
        assertThat(visit(plan, "eftermiddag").getStart()).isAfterOrEqualTo(at(13, 0));
        assertThat(visit(plan, "bageri").getTeam().getId()).isEqualTo("lag-2");
        assertThat(visit(plan, "bageri").reasons())
                .filteredOn(r -> r.code().equals("topicsKnown"))
                .singleElement()
                .satisfies(r -> assertThat(r.arguments()).containsExactly("livsmedelskontroll"));
        assertThat(plan.getVisits())
                .allSatisfy(v -> assertThat(lunch.window().overlaps(v.getStart(), v.getLength()))
                        .as("%s at %s", v, v.getStart())
                        .isFalse());
        for (Team team : plan.getTeams()) {
            for (int i = 1; i < team.getVisits().size(); i++) {
                PlannedVisit before = team.getVisits().get(i - 1);
                PlannedVisit next = team.getVisits().get(i);
                assertThat(next.getStart())
                        .as("%s follows %s with the drive between", next, before)
                        .isAfterOrEqualTo(
                                before.getEnd().plusMinutes(travel.minutes(before.getPlace(), next.getPlace())));
            }
            assertThat(team.overtimeMinutes()).isZero();
        }
    }

    @Test
    void aCompanyThatCanOnlyReceiveOnAnotherDayIsLeftUnplannedNotForcedIn() {
        LocalDate otherDay = LocalDate.of(2027, 8, 27);
        PlannedVisit elsewhere =
                visit("annan-dag", town, List.of(new Window(otherDay.atTime(10, 0), otherDay.atTime(12, 0))));
        PlannedVisit fine = visit("idag", town, List.of());

        VisitPlan plan = VisitPlanner.optimising(Duration.ofSeconds(2), Duration.ofSeconds(1))
                .solve(new VisitPlan(List.of(team("lag-1", Set.of())), List.of(elsewhere, fine)));

        assertThat(plan.getScore().hardScore()).isZero();
        assertThat(plan.getScore().mediumScore()).isEqualTo(-1);
        assertThat(visit(plan, "annan-dag").getTeam()).isNull();
        assertThat(visit(plan, "annan-dag").unplannedReason(plan.getTeams()))
                .satisfies(r -> assertThat(r.code()).isEqualTo("windowsOutsideTeams"))
                .satisfies(r -> assertThat(r.arguments()).containsExactly("10:00–12:00"));
        assertThat(visit(plan, "annan-dag").unplannedReason(List.of()).code()).isEqualTo("noTeams");
        assertThat(visit(plan, "idag").getTeam()).isNotNull();
    }

    @Test
    void onAGeneratedDayTheSolverPlacesAtLeastAsManyVisitsAsFirstFitAndBreaksNoRule() {
        VisitPlan greedy = VisitPlanner.firstFit().solve(PlanningInstances.generate(24, 6, 1, 7));
        VisitPlan solved = VisitPlanner.optimising(Duration.ofSeconds(5), Duration.ofSeconds(2))
                .solve(PlanningInstances.generate(24, 6, 1, 7));

        assertThat(solved.getScore().isFeasible()).isTrue();
        assertThat(solved.unplanned()).isLessThanOrEqualTo(greedy.unplanned());
        assertThat(solved.getScore()).isGreaterThanOrEqualTo(greedy.getScore());
    }

    @Test
    void aMoveByHandThatBreaksARuleIsRefusedAndUndoneAndALockedTeamIsNotChangedByHand() {
        VisitPlanner planner = VisitPlanner.firstFit();
        Team allDay = team("lag-1", Set.of());
        Team morning = new Team(
                "lag-2",
                List.of(new TeamMember("p2", "Politiker 2", TeamMember.Role.POLITICIAN, Set.of())),
                new Window(at(9, 45), at(12, 0)),
                TOWN_HALL,
                lunch,
                travel);
        PlannedVisit a = visit("a", town, List.of());
        PlannedVisit b = visit("b", town, List.of());
        PlannedVisit c = visit("c", stigtomta, List.of());
        allDay.setVisits(new ArrayList<>(List.of(a, b)));
        morning.setVisits(new ArrayList<>(List.of(c)));
        VisitPlan plan = new VisitPlan(List.of(allDay, morning), List.of(a, b, c));
        assertThat(planner.update(plan).hardScore()).isZero();

        // lag-2 must be back at 12.00: after Stigtomta a second visit only fits after lunch, too late
        PlanEdits.Moved refused = PlanEdits.move(plan, "a", "lag-2", null, planner);

        assertThat(refused).isInstanceOf(PlanEdits.BreaksRules.class);
        assertThat(((PlanEdits.BreaksRules) refused).minutes()).isPositive();
        assertThat(allDay.getVisits()).containsExactly(a, b);
        assertThat(morning.getVisits()).containsExactly(c);
        assertThat(a.getTeam()).isSameAs(allDay);
        assertThat(planner.update(plan).hardScore()).isZero();

        assertThat(PlanEdits.move(plan, "c", "lag-1", 1, planner)).isInstanceOf(PlanEdits.Done.class);
        assertThat(allDay.getVisits()).containsExactly(c, a, b);
        assertThat(PlanEdits.move(plan, "c", "lag-1", 99, planner)).isInstanceOf(PlanEdits.Done.class);
        assertThat(allDay.getVisits()).containsExactly(a, b, c);
        assertThat(PlanEdits.move(plan, "b", null, null, planner)).isInstanceOf(PlanEdits.Done.class);
        assertThat(b.getTeam()).isNull();
        assertThat(plan.unplanned()).isEqualTo(1);

        assertThat(PlanEdits.lock(plan, "lag-1", true)).isTrue();
        assertThat(PlanEdits.move(plan, "a", "lag-2", null, planner)).isEqualTo(new PlanEdits.Locked("lag-1"));
        assertThat(PlanEdits.move(plan, "nobody", "lag-1", null, planner)).isInstanceOf(PlanEdits.Unknown.class);
        assertThat(PlanEdits.lock(plan, "no-team", true)).isFalse();
    }

    @Test
    void solvingAgainAroundALockedTeamLeavesItsDayAsItWas() {
        Team locked = team("lag-1", Set.of());
        Team free = team("lag-2", Set.of());
        PlannedVisit far = visit("far", stigtomta, List.of());
        PlannedVisit near = visit("near", town, List.of());
        // by hand: the far visit with lag-1, though lag-2 would do as well
        locked.setVisits(new ArrayList<>(List.of(far)));
        locked.setPinned(true);
        VisitPlan plan = VisitPlanner.optimising(Duration.ofSeconds(2), Duration.ofSeconds(1))
                .solve(new VisitPlan(List.of(locked, free), new ArrayList<>(List.of(far, near))));

        assertThat(plan.getTeams().getFirst().getVisits())
                .extracting(PlannedVisit::getId)
                .containsExactly("far");
        assertThat(visit(plan, "near").getTeam()).isNotNull();
    }

    @Test
    void aTimeTheCompanyDeclinedIsNotGivenAgainTheVisitStartsWhenItIsOver() {
        Team team = team("lag-1", Set.of());
        PlannedVisit declining =
                visit("declining", town, List.of()).declining(List.of(new Window(at(9, 30), at(10, 30))));
        team.setVisits(new ArrayList<>(List.of(declining)));

        var score = VisitPlanner.firstFit().update(new VisitPlan(List.of(team), List.of(declining)));

        assertThat(declining.getStart()).as("first free moment after it").isEqualTo(at(10, 30));
        assertThat(score.hardScore()).isZero();

        assertThat(declining.reasons()).extracting(PlannedVisit.Reason::code).contains("declinedAvoided");
        assertThat(new Window(at(9, 30), at(11, 0)).overlapMinutes(at(10, 30), Duration.ofHours(1)))
                .isEqualTo(30);
    }

    @Test
    void aPinnedVisitKeepsItsTeamAndItsTimeWhenTheDayIsSolvedAgainAndIsNotMovedByHand() {
        Team first = team("lag-1", Set.of());
        Team second = team("lag-2", Set.of());
        PlannedVisit near = visit("near", town, List.of());
        PlannedVisit far = visit("far", stigtomta, List.of());
        // by hand: both with lag-1, the far one second; alone, the solver would share them out and
        // start each team's day with its visit, so the far one would move
        first.setVisits(new ArrayList<>(List.of(near, far)));
        VisitPlanner planner = VisitPlanner.firstFit();
        VisitPlan byHand = new VisitPlan(List.of(first, second), new ArrayList<>(List.of(near, far)));
        planner.update(byHand);
        var pinnedStart = far.getStart();

        assertThat(PlanEdits.pin(byHand, "far", true)).isTrue();
        assertThat(PlanEdits.move(byHand, "far", "lag-2", null, planner)).isEqualTo(new PlanEdits.Pinned("far"));
        VisitPlan solved = VisitPlanner.optimising(Duration.ofSeconds(2), Duration.ofSeconds(1))
                .solve(byHand);

        assertThat(solved.getScore().hardScore()).isZero();
        assertThat(visit(solved, "far").getTeam().getId()).isEqualTo("lag-1");
        assertThat(visit(solved, "far").getStart()).isEqualTo(pinnedStart);
        assertThat(visit(solved, "far").reasons())
                .extracting(PlannedVisit.Reason::code)
                .contains("pinned");
        // the near visit before it is free to go: were it to, the team would wait for the far one's time
        assertThat(visit(solved, "far").pinBrokenMinutes()).isZero();

        // let go, the same plan is free to change
        assertThat(PlanEdits.pin(solved, "far", false)).isTrue();
        VisitPlan free = VisitPlanner.optimising(Duration.ofSeconds(2), Duration.ofSeconds(1))
                .solve(solved);
        assertThat(visit(free, "far").getStart()).isBefore(pinnedStart);
        // an unplanned visit has no place to pin
        PlannedVisit loose = visit("loose", town, List.of());
        assertThat(PlanEdits.pin(new VisitPlan(List.of(), List.of(loose)), "loose", true))
                .isFalse();
    }

    /** The solver answers with its own copy of the plan: its visits are found by id. */
    private static PlannedVisit visit(VisitPlan plan, String id) {
        return plan.getVisits().stream()
                .filter(v -> v.getId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static String describe(VisitPlan plan) {
        StringBuilder text = new StringBuilder(plan.getScore().toString());
        for (Team team : plan.getTeams()) {
            text.append("\n").append(team).append(':');
            team.getVisits()
                    .forEach(v -> text.append(' ')
                            .append(v)
                            .append('@')
                            .append(v.getStart().toLocalTime()));
        }
        plan.getVisits().stream()
                .filter(v -> v.getTeam() == null)
                .forEach(v -> text.append("\nunplanned ").append(v));
        return text.toString();
    }

    private Team team(String id, Set<String> expertise) {
        return new Team(
                id,
                List.of(
                        new TeamMember(id + "-p", "Politiker", TeamMember.Role.POLITICIAN, Set.of()),
                        new TeamMember(id + "-o", "Tjänsteperson", TeamMember.Role.OFFICIAL, expertise)),
                new Window(at(9, 45), at(17, 0)),
                TOWN_HALL,
                lunch,
                travel);
    }

    private static PlannedVisit visit(String id, Place place, List<Window> windows) {
        return new PlannedVisit(id, id, place, Duration.ofHours(1), windows, null, Set.of());
    }
}
