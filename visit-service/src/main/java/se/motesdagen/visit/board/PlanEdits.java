package se.motesdagen.visit.board;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import java.util.Optional;
import se.motesdagen.visit.planning.PlannedVisit;
import se.motesdagen.visit.planning.Team;
import se.motesdagen.visit.planning.VisitPlan;
import se.motesdagen.visit.planning.VisitPlanner;

/**
 * Changes staff make to a plan by hand: a visit moved to a place in a team's day (or out of the plan),
 * refused when it would break a hard rule; a visit pinned, or a team locked, so that solving again keeps it.
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

    /** Not done: the visit is pinned where it is; let it go first. */
    public record Pinned(String visitId) implements Moved {}

    /** Not done: no such visit or team in the plan. */
    public record Unknown() implements Moved {}

    /**
     * Moves the visit to place {@code position} (1 for first; null or past the end: last) of the team's
     * day ({@code teamId} null: out of the plan), checks the rules with the plan's own score, and puts it
     * back when a hard rule breaks more than before. A pinned visit, or a locked team, is not moved.
     */
    public static Moved move(VisitPlan plan, String visitId, String teamId, Integer position, VisitPlanner planner) {
        Optional<PlannedVisit> found =
                plan.getVisits().stream().filter(v -> v.getId().equals(visitId)).findFirst();
        Optional<Team> target = teamId == null
                ? Optional.empty()
                : plan.getTeams().stream().filter(t -> t.getId().equals(teamId)).findFirst();
        if (found.isEmpty() || (teamId != null && target.isEmpty())) {
            return new Unknown();
        }
        PlannedVisit visit = found.get();
        if (visit.isPinned()) {
            return new Pinned(visit.getId());
        }
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
        target.ifPresent(team -> {
            int size = team.getVisits().size();
            int at = position == null || position < 1 || position > size ? size : position - 1;
            team.getVisits().add(at, visit);
        });
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

    /** Pins a visit where it is (or lets it go again): solving again keeps its team and its start. */
    public static boolean pin(VisitPlan plan, String visitId, boolean pinned) {
        return plan.getVisits().stream()
                .filter(v -> v.getId().equals(visitId))
                .findFirst()
                .map(visit -> {
                    if (!pinned) {
                        visit.unpin();
                        return true;
                    }
                    return visit.pin();
                })
                .orElse(false);
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
