package se.motesdagen.visit.planning;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import java.util.List;

/**
 * The teams of one planning round and the visits to place among them. Hard: the rules of the day (the
 * hosts' hours, the company's windows, lunch). Medium: visits left unplanned. Soft: driving, topics the
 * official knows, an even load, the company's preferred time.
 */
@PlanningSolution
public class VisitPlan {

    @PlanningEntityCollectionProperty
    private List<Team> teams;

    @PlanningEntityCollectionProperty
    @ValueRangeProvider
    private List<PlannedVisit> visits;

    @PlanningScore
    private HardMediumSoftScore score;

    protected VisitPlan() {}

    public VisitPlan(List<Team> teams, List<PlannedVisit> visits) {
        this.teams = teams;
        this.visits = visits;
    }

    public List<Team> getTeams() {
        return teams;
    }

    public List<PlannedVisit> getVisits() {
        return visits;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }

    /** Driving minutes of the whole plan, home and back included. */
    public long drivingMinutes() {
        return teams.stream()
                .mapToLong(t -> t.getVisits().stream()
                                .mapToLong(PlannedVisit::getDriveMinutes)
                                .sum()
                        + t.driveHomeMinutes())
                .sum();
    }

    public long unplanned() {
        return visits.stream().filter(v -> v.getTeam() == null).count();
    }
}
