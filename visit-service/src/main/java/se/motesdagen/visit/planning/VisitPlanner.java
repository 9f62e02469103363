package se.motesdagen.visit.planning;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicType;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Builds itineraries with Timefold Solver: a construction heuristic places every visit it can, then
 * local search improves the plan until the time is up or it has stopped improving. {@link #firstFit()}
 * is the baseline a person would get by hand: each visit, in turn, into the first team where it fits,
 * and nothing improved after.
 */
public final class VisitPlanner {

    private final SolverFactory<VisitPlan> factory;

    private VisitPlanner(SolverFactory<VisitPlan> factory) {
        this.factory = factory;
    }

    /** The solver: stops after {@code limit}, or sooner once {@code unimproved} has passed without a better plan. */
    public static VisitPlanner optimising(Duration limit, Duration unimproved) {
        return new VisitPlanner(SolverFactory.create(
                config().withPhases(new ConstructionHeuristicPhaseConfig(), new LocalSearchPhaseConfig())
                        .withTerminationConfig(
                                new TerminationConfig().withSpentLimit(limit).withUnimprovedSpentLimit(unimproved))));
    }

    /** The greedy baseline: first fit, no improvement. */
    public static VisitPlanner firstFit() {
        return new VisitPlanner(SolverFactory.create(config().withPhases(new ConstructionHeuristicPhaseConfig()
                .withConstructionHeuristicType(ConstructionHeuristicType.FIRST_FIT))));
    }

    private static SolverConfig config() {
        return new SolverConfig()
                // the default asserts after each phase, which costs speed; the tests check the results
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withSolutionClass(VisitPlan.class)
                .withEntityClasses(Team.class, PlannedVisit.class)
                .withConstraintProviderClass(VisitConstraints.class);
    }

    /**
     * Works out the times and the score of a plan as it stands, without solving: after a move by hand,
     * this says whether it broke a hard rule.
     */
    public HardMediumSoftScore update(VisitPlan plan) {
        SolutionManager<VisitPlan, HardMediumSoftScore> manager = SolutionManager.create(factory);
        return manager.update(plan);
    }

    public VisitPlan solve(VisitPlan problem) {
        return solve(problem, best -> {});
    }

    /** Solves, telling {@code progress} of each better plan found on the way. */
    public VisitPlan solve(VisitPlan problem, Consumer<Progress> progress) {
        return solve(problem, (plan, found) -> progress.accept(found), solver -> {});
    }

    /**
     * Solves on this thread; {@code better} gets each better plan (a copy the caller may keep) with its
     * progress, and {@code started} the solver, whose {@code terminateEarly()} another thread may call
     * to stop with the best plan so far.
     */
    public VisitPlan solve(
            VisitPlan problem, BiConsumer<VisitPlan, Progress> better, Consumer<Solver<VisitPlan>> started) {
        Solver<VisitPlan> solver = factory.buildSolver();
        long begun = System.nanoTime();
        solver.addEventListener(event -> better.accept(
                event.getNewBestSolution(),
                new Progress(event.getNewBestSolution().getScore(), Duration.ofNanos(System.nanoTime() - begun))));
        started.accept(solver);
        return solver.solve(problem);
    }

    /** A better plan found: its score and how long solving had taken. */
    public record Progress(HardMediumSoftScore score, Duration after) {

        public boolean feasible() {
            return score.isFeasible();
        }
    }
}
