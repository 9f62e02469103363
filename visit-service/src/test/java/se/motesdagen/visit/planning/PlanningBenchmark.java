package se.motesdagen.visit.planning;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Prints, for a Hagfors-sized day (24 visits, 6 teams, 1 day) and a large one (400 visits, 40 teams,
 * 2 days): time to the first feasible plan, the final score, driving minutes and unplanned visits, for
 * the solver and for the first-fit baseline. Figures only; nothing here passes or fails on time.
 *
 * <pre>deploy/benchmark/plan [seconds for the large instance = 60]</pre>
 */
public final class PlanningBenchmark {

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        System.out.printf(
                "Mötesdagen visit planning benchmark (Timefold Solver), %d cores%n",
                Runtime.getRuntime().availableProcessors());
        run("Hagfors-sized", 24, 6, 1, Duration.ofSeconds(Math.min(seconds, 10)));
        run("Large", 400, 40, 2, Duration.ofSeconds(seconds));
    }

    private static void run(String name, int visits, int teams, int days, Duration limit) {
        System.out.printf(
                "%n%s: %d visit requests, %d teams, %d day(s) (%d team-days), limit %d s%n",
                name, visits, teams, days, teams * days, limit.toSeconds());
        report("first fit", VisitPlanner.firstFit(), PlanningInstances.generate(visits, teams, days, 42));
        report(
                "solver",
                VisitPlanner.optimising(limit, Duration.ofSeconds(Math.max(1, limit.toSeconds() / 3))),
                PlanningInstances.generate(visits, teams, days, 42));
    }

    private static String seconds(Duration duration) {
        return duration == null ? "never" : String.format("%.2f s", duration.toMillis() / 1000.0);
    }

    private static void report(String who, VisitPlanner planner, VisitPlan problem) {
        AtomicReference<Duration> firstFeasible = new AtomicReference<>();
        AtomicReference<Duration> best = new AtomicReference<>();
        long started = System.nanoTime();
        VisitPlan plan = planner.solve(problem, progress -> {
            if (progress.feasible()) {
                firstFeasible.compareAndSet(null, progress.after());
            }
            best.set(progress.after());
        });
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long planned = plan.getVisits().size() - plan.unplanned();
        System.out.printf(
                "  %-9s score %-24s planned %3d, unplanned %3d, driving %5d min (%.1f per planned visit),"
                        + " first feasible after %s, best after %s, took %.1f s%n",
                who,
                plan.getScore(),
                planned,
                plan.unplanned(),
                plan.drivingMinutes(),
                planned == 0 ? 0.0 : plan.drivingMinutes() / (double) planned,
                seconds(firstFeasible.get()),
                seconds(best.get()),
                took.toMillis() / 1000.0);
    }
}
