package se.motesdagen.visit.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.motesdagen.visit.host.Host;
import se.motesdagen.visit.planning.Localities;
import se.motesdagen.visit.planning.Place;
import se.motesdagen.visit.planning.PlannedVisit;
import se.motesdagen.visit.planning.PlanningSettings;
import se.motesdagen.visit.planning.PublishedVisits;
import se.motesdagen.visit.planning.Team;
import se.motesdagen.visit.planning.TeamMember;
import se.motesdagen.visit.planning.TravelTimes;
import se.motesdagen.visit.planning.VisitPlan;
import se.motesdagen.visit.planning.VisitPlanner;
import se.motesdagen.visit.planning.Window;

/** The day's teams as the municipality shapes them, from the hosts who are free. */
class PlanBuilderTests {

    private static final LocalDate DAY = LocalDate.of(2027, 8, 26);

    @Test
    void aPoliticianAndAnOfficialMakeATeamOutFromTheOpeningUntilTheFirstMustStopAndAShortDayMakesNone() {
        List<Host> roster = List.of(
                host("Anna Politiker", Host.Role.POLITICIAN, "08:00", "15:00"),
                host("Bo Politiker", Host.Role.POLITICIAN, "09:00", "17:00"),
                host("Cilla Tjänsteperson", Host.Role.OFFICIAL, "10:00", "17:00"),
                host("Dan Tjänsteperson", Host.Role.OFFICIAL, "09:00", "10:30"),
                host("Eva Annan Dag", Host.Role.OFFICIAL, null, null));

        List<Team> teams = PlanBuilder.teams(roster, DAY, PlanningSettings.defaults(), new TravelTimes());

        // Anna + Cilla (both free 10.00–15.00); Bo + Dan only 09.45–10.30 together: too short for a visit
        assertThat(teams).singleElement().satisfies(team -> {
            assertThat(team.getHosts())
                    .extracting(TeamMember::name)
                    .containsExactly("Anna Politiker", "Cilla Tjänsteperson");
            assertThat(team.getWorkday()).isEqualTo(new Window(DAY.atTime(10, 0), DAY.atTime(15, 0)));
        });
    }

    @Test
    void aMunicipalityThatSendsTwoOfficialsWithEachPoliticianGetsTeamsOfThree() {
        PlanningSettings threes = new PlanningSettings(
                null, LocalTime.of(9, 0), null, null, null, new PlanningSettings.TeamShape(1, 2), null, null);
        List<Host> roster = List.of(
                host("Anna Politiker", Host.Role.POLITICIAN, "08:00", "17:00"),
                host("Bo Politiker", Host.Role.POLITICIAN, "08:00", "17:00"),
                host("Cilla Tjänsteperson", Host.Role.OFFICIAL, "08:00", "17:00"),
                host("Dan Tjänsteperson", Host.Role.OFFICIAL, "08:00", "17:00"),
                host("Erik Tjänsteperson", Host.Role.OFFICIAL, "08:00", "17:00"));

        List<Team> teams = PlanBuilder.teams(roster, DAY, threes, new TravelTimes());

        // three officials make one team of two and one left over; the second politician waits
        assertThat(teams).singleElement().satisfies(team -> {
            assertThat(team.getHosts())
                    .extracting(TeamMember::name)
                    .containsExactly("Anna Politiker", "Cilla Tjänsteperson", "Dan Tjänsteperson");
            assertThat(team.getWorkday().from()).isEqualTo(DAY.atTime(9, 0));
        });
    }

    @Test
    void theTravelOverridesAndLocalitiesOfTheSettingsAreUsed() {
        PlanningSettings settings = new PlanningSettings(
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(new Place("Hagfors", 60.03, 13.69), new Place("Ekshärad", 60.17, 13.49)),
                List.of(new PlanningSettings.TravelOverride("Hagfors", "Ekshärad", 25)));

        assertThat(settings.travelTimes()
                        .minutes(
                                settings.localities().get(1),
                                settings.localities().get(0)))
                .isEqualTo(25);
        assertThat(PlanningSettings.defaults().localities()).isEqualTo(Localities.NYKOPING);
        assertThat(PlanningSettings.defaults().team()).isEqualTo(new PlanningSettings.TeamShape(1, 1));
    }

    @Test
    void solvingAgainFromTheBoardPinsThePublishedVisitsStillWithTheirHostsAndLeavesOneMovedByHandFree() {
        List<Team> teams = teamsOfTheDay(
                host("Anna Politiker", Host.Role.POLITICIAN, "09:00", "17:00"),
                host("Bo Politiker", Host.Role.POLITICIAN, "09:00", "17:00"),
                host("Cilla Tjänsteperson", Host.Role.OFFICIAL, "09:00", "17:00"),
                host("Dan Tjänsteperson", Host.Role.OFFICIAL, "09:00", "17:00"));
        PlannedVisit stays = inTown("stays");
        PlannedVisit moved = inTown("moved");
        PlannedVisit fresh = inTown("fresh");
        Team first = teams.get(0);
        Team second = teams.get(1);
        first.getVisits().add(stays);
        second.getVisits().add(moved); // published with the first team's hosts, moved by hand since
        VisitPlan plan = new VisitPlan(teams, List.of(stays, moved, fresh));
        Set<String> firstHosts = Set.of("Anna Politiker", "Cilla Tjänsteperson");

        PlanBuilder.pinPublishedInPlace(
                plan,
                List.of(
                        new PublishedVisits.Kept("stays", firstHosts, DAY.atTime(10, 0)),
                        new PublishedVisits.Kept("moved", firstHosts, DAY.atTime(11, 0))));

        assertThat(stays.isPinned()).isTrue();
        assertThat(moved.isPinned()).isFalse();
        assertThat(fresh.isPinned()).isFalse();
    }

    @Test
    void aPublishedVisitKeepsTheTimeTheCompanyWasToldWhenTheVisitBeforeItIsGone() {
        List<Team> teams = teamsOfTheDay(
                host("Anna Politiker", Host.Role.POLITICIAN, "09:00", "17:00"),
                host("Cilla Tjänsteperson", Host.Role.OFFICIAL, "09:00", "17:00"));
        PlannedVisit before = inTown("before");
        PlannedVisit told = inTown("told");
        Team team = teams.getFirst();
        team.getVisits().addAll(List.of(before, told));
        VisitPlan published = new VisitPlan(teams, List.of(before, told));
        VisitPlanner.firstFit().update(published);
        LocalDateTime toldStart = told.getStart();
        assertThat(toldStart).isAfter(before.getStart());
        // the company of the first visit asks for another time: it leaves the team, solving again follows
        team.getVisits().remove(before);
        VisitPlan again = new VisitPlan(teams, List.of(before, told));

        PlanBuilder.pinPublishedInPlace(
                again,
                List.of(new PublishedVisits.Kept("told", Set.of("Anna Politiker", "Cilla Tjänsteperson"), toldStart)));

        assertThat(told.isPinned()).isTrue();
        assertThat(told.getStart())
                .as("the team waits for the time the company was told")
                .isEqualTo(toldStart);
        assertThat(told.pinBrokenMinutes()).isZero();
    }

    private static List<Team> teamsOfTheDay(Host... roster) {
        return PlanBuilder.teams(List.of(roster), DAY, PlanningSettings.defaults(), new TravelTimes());
    }

    /** An hour's visit to a company in Nyköping that can receive it any time. */
    private static PlannedVisit inTown(String id) {
        Place town = Localities.NYKOPING.getFirst();
        return new PlannedVisit(id, id + " AB", town, Duration.ofHours(1), List.of(), null, Set.of());
    }

    private static Host host(String name, Host.Role role, String from, String to) {
        List<Host.Availability> free = from == null
                ? List.of(new Host.Availability(DAY.plusDays(1), LocalTime.of(9, 0), LocalTime.of(17, 0)))
                : List.of(new Host.Availability(DAY, LocalTime.parse(from), LocalTime.parse(to)));
        return new Host(
                name, name, name.replace(' ', '.') + "@example.se", null, role, null, List.of(), free, Instant.EPOCH);
    }
}
