package se.motesdagen.visit.planning;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import java.util.Optional;

/**
 * Changes staff make to a plan by hand: a visit moved to the end of another team's day (or out of the
 * plan), refused when it would break a hard rule, and a team locked so that solving again keeps it.
 */
public final class PlanEdits {

    private PlanEdits() {}

    /** What a move came to. */
    public sealed interface Moved {}

    /** Done; the plan's score now. */
    public record Done(HardMediumSoftScore score) implements Moved {}

    /** Not done: it would break the rules by so many minutes; the plan is as it was. */
    public record BreaksRules(int minutes) implements Moved {}

    /** Not done: a locked team's day is not changed by hand either. */
    public record Locked(String teamId) implements Moved {}

    /** Not done: no such visit or team in the plan. */
    public record Unknown() implements Moved {}

    /**
     * Moves the visit to the end of the team's day ({@code teamId} null: out of the plan), checks the
     * rules with the plan's own score, and puts it back when a hard rule breaks.
     */
    public static Moved move(VisitPlan plan, String visitId, String teamId, VisitPlanner planner) {
        Optional<PlannedVisit> found =
                plan.getVisits().stream().filter(v -> v.getId().equals(visitId)).findFirst();
        Optional<Team> target = teamId == null
                ? Optional.empty()
                : plan.getTeams().stream().filter(t -> t.getId().equals(teamId)).findFirst();
        if (found.isEmpty() || (teamId != null && target.isEmpty())) {
            return new Unknown();
        }
        PlannedVisit visit = found.get();
        Team from = visit.getTeam();
        for (Team team : new Team[] {from, target.orElse(null)}) {
            if (team != null && team.isPinned()) {
                return new Locked(team.getId());
            }
        }
        int fromIndex = from == null ? -1 : from.getVisits().indexOf(visit);
        HardMediumSoftScore before = planner.update(plan);
        if (from != null) {
            from.getVisits().remove(visit);
        }
        target.ifPresent(team -> team.getVisits().add(visit));
        HardMediumSoftScore after = planner.update(plan);
        if (after.hardScore() < 0 && after.hardScore() < before.hardScore()) {
            target.ifPresent(team -> team.getVisits().remove(visit));
            if (from != null) {
                from.getVisits().add(fromIndex, visit);
            }
            planner.update(plan);
            return new BreaksRules(-after.hardScore());
        }
        return new Done(after);
    }

    /** Locks or unlocks a team: solving again leaves a locked team's day as it is. */
    public static boolean lock(VisitPlan plan, String teamId, boolean locked) {
        return plan.getTeams().stream()
                .filter(t -> t.getId().equals(teamId))
                .findFirst()
                .map(team -> {
                    team.setPinned(locked);
                    return true;
                })
                .orElse(false);
    }
}
