package se.motesdagen.visit.planning;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/**
 * The rules of a day of visits. Overlaps and "one host in two places" cannot happen: a team's visits
 * follow one another, and each host is in one team a day. Each rule's name is what the planning board
 * shows when it explains a score.
 */
public class VisitConstraints implements ConstraintProvider {

    static final String OVERTIME = "Dagen blir för lång för värdarna";
    static final String OUTSIDE_WINDOW = "Utanför företagets tider";
    static final String LATE_FOR_LUNCH = "Hinner inte till lunchen";
    static final String PINNED = "Ett låst besök har flyttats";
    static final String UNPLANNED = "Besök utan plats i planen";
    static final String DRIVING = "Körtid";
    static final String TOPICS = "Ämnena passar inte tjänstepersonens kunskap";
    static final String EVEN_LOAD = "Jämn fördelning mellan lagen";
    static final String PREFERRED = "Utanför företagets önskade tid";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            overtime(factory),
            outsideWindow(factory),
            lateForLunch(factory),
            pinned(factory),
            unplanned(factory),
            driving(factory),
            drivingHome(factory),
            topics(factory),
            evenLoad(factory),
            preferred(factory)
        };
    }

    Constraint overtime(ConstraintFactory factory) {
        return factory.forEach(Team.class)
                .filter(t -> t.overtimeMinutes() > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, Team::overtimeMinutes)
                .asConstraint(OVERTIME);
    }

    Constraint outsideWindow(ConstraintFactory factory) {
        return factory.forEach(PlannedVisit.class)
                .filter(v -> v.getOutsideWindowMinutes() > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, PlannedVisit::getOutsideWindowMinutes)
                .asConstraint(OUTSIDE_WINDOW);
    }

    Constraint lateForLunch(ConstraintFactory factory) {
        return factory.forEach(PlannedVisit.class)
                .filter(v -> v.getLateForLunchMinutes() > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, PlannedVisit::getLateForLunchMinutes)
                .asConstraint(LATE_FOR_LUNCH);
    }

    /** A visit staff pinned keeps its team and its start: every minute it moves breaks the rule. */
    Constraint pinned(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(PlannedVisit.class)
                .filter(v -> v.pinBrokenMinutes() > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, PlannedVisit::pinBrokenMinutes)
                .asConstraint(PINNED);
    }

    Constraint unplanned(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(PlannedVisit.class)
                .filter(v -> v.getTeam() == null)
                .penalize(HardMediumSoftScore.ONE_MEDIUM)
                .asConstraint(UNPLANNED);
    }

    Constraint driving(ConstraintFactory factory) {
        return factory.forEach(PlannedVisit.class)
                .penalize(HardMediumSoftScore.ONE_SOFT, PlannedVisit::getDriveMinutes)
                .asConstraint(DRIVING);
    }

    Constraint drivingHome(ConstraintFactory factory) {
        return factory.forEach(Team.class)
                .filter(t -> !t.getVisits().isEmpty())
                .penalize(HardMediumSoftScore.ONE_SOFT, Team::driveHomeMinutes)
                .asConstraint(DRIVING + " hem");
    }

    Constraint topics(ConstraintFactory factory) {
        return factory.forEach(PlannedVisit.class)
                .filter(PlannedVisit::topicsUnmatched)
                .penalize(HardMediumSoftScore.ofSoft(30))
                .asConstraint(TOPICS);
    }

    /** The square of each team's number of visits: one team with six and one with two costs more than four and four. */
    Constraint evenLoad(ConstraintFactory factory) {
        return factory.forEach(PlannedVisit.class)
                .groupBy(PlannedVisit::getTeam, ConstraintCollectors.count())
                .penalize(HardMediumSoftScore.ofSoft(10), (team, count) -> count * count)
                .asConstraint(EVEN_LOAD);
    }

    Constraint preferred(ConstraintFactory factory) {
        return factory.forEach(PlannedVisit.class)
                .filter(v -> v.minutesOutsidePreferred() > 0)
                .penalize(HardMediumSoftScore.ONE_SOFT, PlannedVisit::minutesOutsidePreferred)
                .asConstraint(PREFERRED);
    }
}
