package se.motesdagen.visit.board;

import ai.timefold.solver.core.api.solver.Solver;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import se.motesdagen.visit.planning.PlannedVisit;
import se.motesdagen.visit.planning.Team;
import se.motesdagen.visit.planning.VisitPlan;
import se.motesdagen.visit.planning.VisitPlanner;

/**
 * The planning board's solver run: one at a time, in the background, its best plan so far and its
 * progress readable at any moment, stoppable early. When staff pinned a visit or locked a team, the
 * next run goes on from the board's plan (brought up to date with the requests) and keeps those. The
 * plan lives in memory until it is published, so a restart forgets an unpublished proposal; solving
 * again gives one back.
 */
@Service
public class PlanningBoard {

    private static final Logger log = LoggerFactory.getLogger(PlanningBoard.class);

    public enum State {
        IDLE,
        SOLVING,
        DONE
    }

    /** What the board shows: the state, the day, the best plan so far and how it was reached. */
    public record Snapshot(State state, LocalDate day, VisitPlan plan, VisitPlanner.Progress progress) {}

    private final PlanBuilder builder;
    private final VisitPlanner planner;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "visit-planner");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Snapshot> snapshot =
            new AtomicReference<>(new Snapshot(State.IDLE, null, null, null));
    private final AtomicReference<Solver<VisitPlan>> running = new AtomicReference<>();
    private final DraftPlanRepository drafts;
    private final Clock clock;
    /** When the plan in memory was kept (or read back): a newer kept plan is another instance's work. */
    private volatile Instant shownSavedAt;

    PlanningBoard(
            PlanBuilder builder,
            DraftPlanRepository drafts,
            Clock clock,
            @Value("${motesdagen.visit.planning.time-limit:60s}") Duration limit,
            @Value("${motesdagen.visit.planning.unimproved-limit:15s}") Duration unimproved) {
        this.builder = builder;
        this.drafts = drafts;
        this.clock = clock;
        this.planner = VisitPlanner.optimising(limit, unimproved);
    }

    public Snapshot snapshot() {
        return snapshot.get();
    }

    /**
     * The board for a day: the plan in memory when it is that day's latest, else the plan last kept for
     * the day (after a restart, or when another instance of the service changed it since), read back.
     * While a run is going, its progress.
     */
    public synchronized Snapshot snapshot(LocalDate day) {
        Snapshot now = snapshot.get();
        if (now.state() == State.SOLVING || day == null) {
            return now;
        }
        Optional<DraftPlan> kept = drafts.findById(day.toString());
        if (kept.isEmpty()) {
            return now;
        }
        boolean current = now.plan() != null
                && day.equals(now.day())
                && shownSavedAt != null
                && !kept.get().savedAt().isAfter(shownSavedAt);
        if (current) {
            return now;
        }
        VisitPlan plan = builder.restore(day, kept.get());
        Snapshot restored =
                new Snapshot(State.DONE, day, plan, new VisitPlanner.Progress(plan.getScore(), Duration.ZERO));
        snapshot.set(restored);
        shownSavedAt = kept.get().savedAt();
        log.info("Plan for {} read back as kept at {}", day, shownSavedAt);
        return restored;
    }

    /** Keeps the board's plan for the day, so a restart or another instance shows the same. */
    private void keep(LocalDate day, VisitPlan plan) {
        Instant at = clock.instant();
        drafts.save(PlanBuilder.draft(day, plan, at));
        shownSavedAt = at;
    }

    /**
     * Starts solving the day; false when a run is already going (one at a time). When the board holds
     * a plan for the day with a locked team, the solver goes on from that plan and leaves those teams
     * as they are; otherwise it starts from the stored requests and hosts.
     */
    public boolean start(LocalDate day) {
        Snapshot now = snapshot.get();
        if (now.state() == State.SOLVING
                || !snapshot.compareAndSet(now, new Snapshot(State.SOLVING, day, null, null))) {
            return false;
        }
        boolean aroundPins = now.plan() != null
                && day.equals(now.day())
                && (now.plan().getTeams().stream().anyMatch(Team::isPinned)
                        || now.plan().getVisits().stream().anyMatch(PlannedVisit::isPinned));
        VisitPlan problem = aroundPins ? builder.refresh(now.plan(), day) : builder.build(day);
        log.info(
                "Planning {}: {} visits, {} teams",
                day,
                problem.getVisits().size(),
                problem.getTeams().size());
        runner.submit(() -> {
            try {
                VisitPlan best = planner.solve(
                        problem,
                        (plan, progress) -> snapshot.set(new Snapshot(State.SOLVING, day, plan, progress)),
                        running::set);
                VisitPlanner.Progress last = snapshot.get().progress();
                keep(day, best);
                snapshot.set(new Snapshot(State.DONE, day, best, last));
                log.info("Planning {} done: {}", day, best.getScore());
            } catch (RuntimeException e) {
                log.error("Planning {} failed", day, e);
                snapshot.set(new Snapshot(State.IDLE, day, null, null));
            } finally {
                running.set(null);
            }
        });
        return true;
    }

    /** A move by hand on the plan on the board (finished runs only), checked against the hard rules. */
    public synchronized PlanEdits.Moved move(String visitId, String teamId, Integer position) {
        Snapshot now = snapshot.get();
        if (now.state() != State.DONE || now.plan() == null) {
            return new PlanEdits.Unknown();
        }
        PlanEdits.Moved moved = PlanEdits.move(now.plan(), visitId, teamId, position, planner);
        if (moved instanceof PlanEdits.Done done) {
            keep(now.day(), now.plan());
            snapshot.set(new Snapshot(
                    State.DONE,
                    now.day(),
                    now.plan(),
                    new VisitPlanner.Progress(
                            done.score(),
                            now.progress() == null
                                    ? Duration.ZERO
                                    : now.progress().after())));
        }
        return moved;
    }

    /** Locks or unlocks a team on the plan on the board, for the next run. */
    public synchronized boolean lock(String teamId, boolean locked) {
        Snapshot now = snapshot.get();
        if (now.state() != State.DONE || now.plan() == null || !PlanEdits.lock(now.plan(), teamId, locked)) {
            return false;
        }
        keep(now.day(), now.plan());
        return true;
    }

    /** Pins a visit of the plan on the board where it is, or lets it go, for the next run. */
    public synchronized boolean pin(String visitId, boolean pinned) {
        Snapshot now = snapshot.get();
        if (now.state() != State.DONE || now.plan() == null || !PlanEdits.pin(now.plan(), visitId, pinned)) {
            return false;
        }
        planner.update(now.plan()); // the score sees the pin
        keep(now.day(), now.plan());
        return true;
    }

    /** Stops the run; the best plan so far stays on the board. */
    public void stop() {
        Solver<VisitPlan> solver = running.get();
        if (solver != null) {
            solver.terminateEarly();
        }
    }

    @PreDestroy
    void shutdown() {
        stop();
        runner.shutdownNow();
    }
}
