package se.motesdagen.visit.planning;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.CascadingUpdateShadowVariable;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PreviousElementShadowVariable;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import se.motesdagen.visit.request.Areas;

/**
 * A company visit to place in a team's day. The solver decides the team and the order; the start
 * follows: after the previous visit and the drive from there, not before the company can receive, and
 * after lunch when it cannot be over in time for the team to reach lunch (then the drive goes through
 * the lunch place). What the rules need to know of that (minutes late for
 * lunch, minutes outside the company's windows, the driving) is worked out in the same step, so the
 * score always sees one consistent day.
 */
@PlanningEntity
public class PlannedVisit {

    @PlanningId
    private String id;

    private String company;
    private Place place;
    private Duration length;
    /** When the company can receive; empty means any time the hosts are out. */
    private List<Window> windows;
    /** When the company would rather; null for no wish. */
    private Window preferred;

    /** Times the company was given and asked to change: not again. */
    private List<Window> declined = List.of();

    private Set<String> topics;

    /** Pinned by staff: the team and the start it keeps when the plan is solved again; null when not pinned. */
    private String pinnedTeamId;

    private LocalDateTime pinnedStart;

    @InverseRelationShadowVariable(sourceVariableName = "visits")
    private Team team;

    @PreviousElementShadowVariable(sourceVariableName = "visits")
    private PlannedVisit previous;

    @CascadingUpdateShadowVariable(targetMethodName = "schedule")
    private LocalDateTime start;

    @CascadingUpdateShadowVariable(targetMethodName = "schedule")
    private Integer driveMinutes;

    @CascadingUpdateShadowVariable(targetMethodName = "schedule")
    private Integer lateForLunchMinutes;

    @CascadingUpdateShadowVariable(targetMethodName = "schedule")
    private Boolean afterLunch;

    @CascadingUpdateShadowVariable(targetMethodName = "schedule")
    private Integer outsideWindowMinutes;

    protected PlannedVisit() {}

    public PlannedVisit(
            String id,
            String company,
            Place place,
            Duration length,
            List<Window> windows,
            Window preferred,
            Set<String> topics) {
        this.id = id;
        this.company = company;
        this.place = place;
        this.length = length;
        this.windows = List.copyOf(windows);
        this.preferred = preferred;
        this.topics = topics.stream().map(PlannedVisit::normalise).collect(Collectors.toSet());
    }

    /** The times the company declined (the start keeps clear of them; overlap counts as outside its windows). */
    public PlannedVisit declining(List<Window> times) {
        this.declined = List.copyOf(times);
        return this;
    }

    /** Works out the start and what the rules need from the team, the previous visit and the day's fixed points. */
    @SuppressWarnings("unused") // called by the solver
    private void schedule() {
        if (team == null) {
            start = null;
            driveMinutes = null;
            lateForLunchMinutes = null;
            outsideWindowMinutes = null;
            afterLunch = null;
            return;
        }
        TravelTimes travel = team.getTravel();
        LocalDateTime ready = previous == null ? team.getWorkday().from() : previous.getEnd();
        Place from = previous == null ? team.getHome() : previous.place;
        int drive = travel.minutes(from, place);
        LocalDateTime begin = earliestReceivable(ready.plusMinutes(drive));
        int late = 0;
        boolean throughLunch = false;
        FixedPoint lunch = team.getLunch();
        if (lunch != null && ready.isBefore(lunch.window().to()) && !fitsBeforeLunch(begin, lunch, travel)) {
            // it cannot be done before lunch: drive to lunch from the previous stop, eat, then come here
            int toLunch = travel.minutes(from, lunch.place());
            int fromLunch = travel.minutes(lunch.place(), place);
            LocalDateTime atLunch = ready.plusMinutes(toLunch);
            late = minutesLate(atLunch, lunch); // 0 unless the day itself starts too late for lunch
            drive = toLunch + fromLunch;
            throughLunch = true;
            begin = earliestReceivable(max(atLunch, lunch.window().to()).plusMinutes(fromLunch));
        }
        if (pinnedStart != null && team.getId().equals(pinnedTeamId) && begin.isBefore(pinnedStart)) {
            begin = pinnedStart; // pinned: the team waits for the time the visit keeps
        }
        start = begin;
        driveMinutes = drive;
        afterLunch = throughLunch;
        lateForLunchMinutes = late;
        outsideWindowMinutes = minutesOutsideWindows(begin);
    }

    /** Whether the visit, started then, is over in time for the team to drive to lunch. */
    private boolean fitsBeforeLunch(LocalDateTime begin, FixedPoint lunch, TravelTimes travel) {
        LocalDateTime atLunch = begin.plus(length).plusMinutes(travel.minutes(place, lunch.place()));
        return !atLunch.isAfter(lunch.window().from());
    }

    private static int minutesLate(LocalDateTime arrival, FixedPoint point) {
        return (int)
                Math.max(0, Duration.between(point.window().from(), arrival).toMinutes());
    }

    /**
     * The first moment from {@code arrival} on at which the company can receive the whole visit, that day,
     * clear of the times it declined.
     */
    private LocalDateTime earliestReceivable(LocalDateTime arrival) {
        LocalDateTime candidate = withinWindows(arrival);
        for (int pass = 0; pass <= declined.size() && !declined.isEmpty(); pass++) {
            LocalDateTime at = candidate;
            var clash = declined.stream().filter(d -> d.overlaps(at, length)).findFirst();
            if (clash.isEmpty()) {
                return candidate;
            }
            candidate = withinWindows(clash.get().to());
        }
        return candidate;
    }

    private LocalDateTime withinWindows(LocalDateTime arrival) {
        if (windows.isEmpty()) {
            return arrival;
        }
        for (Window window : windows.stream()
                .filter(w -> w.from().toLocalDate().equals(arrival.toLocalDate()))
                .sorted(Comparator.comparing(Window::from))
                .toList()) {
            LocalDateTime candidate = max(arrival, window.from());
            if (window.fits(candidate, length)) {
                return candidate;
            }
        }
        return arrival; // no window left that day: the rule counts the minutes outside
    }

    private int minutesOutsideWindows(LocalDateTime begin) {
        long outside = windows.isEmpty()
                ? 0
                : windows.stream()
                        .mapToLong(w -> w.minutesOutside(begin, length))
                        .min()
                        .orElse(0);
        for (Window d : declined) {
            outside += d.overlapMinutes(begin, length);
        }
        return (int) outside;
    }

    /** Pins the visit where it is now: solving again keeps its team and its start. False when it is not in a team. */
    public boolean pin() {
        if (team == null || start == null) {
            return false;
        }
        pinnedTeamId = team.getId();
        pinnedStart = start;
        return true;
    }

    /**
     * Pins the visit to its team at the time the company was told: solving again keeps that time even when
     * the visit before it is moved (the team waits), not the time it would have now. False when it is not
     * in a team.
     */
    public boolean pinAt(LocalDateTime told) {
        if (team == null) {
            return false;
        }
        pinnedTeamId = team.getId();
        pinnedStart = told;
        return true;
    }

    public void unpin() {
        pinnedTeamId = null;
        pinnedStart = null;
    }

    /** Takes over the pin of the visit this one replaces (the same request, read again). */
    public void pinLike(PlannedVisit earlier) {
        pinnedTeamId = earlier.pinnedTeamId;
        pinnedStart = earlier.pinnedStart;
    }

    public boolean isPinned() {
        return pinnedTeamId != null;
    }

    /**
     * How far a pinned visit has moved from its pin, in minutes: the minutes its start moved, or a whole
     * working day when it left its team. 0 when it is where it was pinned, or not pinned.
     */
    public int pinBrokenMinutes() {
        if (pinnedTeamId == null) {
            return 0;
        }
        if (team == null || !team.getId().equals(pinnedTeamId) || start == null) {
            return PIN_LEFT_TEAM_MINUTES;
        }
        return (int) Math.abs(Duration.between(pinnedStart, start).toMinutes());
    }

    static final int PIN_LEFT_TEAM_MINUTES = 8 * 60;

    /** Whether the visit breaks a hard rule where it is: what the board marks as a conflict. */
    public boolean breaksRules() {
        return getOutsideWindowMinutes() > 0 || getLateForLunchMinutes() > 0 || pinBrokenMinutes() > 0;
    }

    /** Minutes outside the company's preferred time; 0 without a wish. */
    public int minutesOutsidePreferred() {
        return preferred == null || start == null ? 0 : (int) preferred.minutesOutside(start, length);
    }

    /** Whether none of the company's topics is something the team's official knows about. */
    public boolean topicsUnmatched() {
        return team != null && !topics.isEmpty() && knownTopics().isEmpty();
    }

    /**
     * What the team's official knows of what the company wants to talk about: an area the official
     * knows that is one of the company's topics or is named in its words ("bygglov för utbyggnad …").
     */
    List<String> knownTopics() {
        return team.expertise().stream()
                .filter(area -> topics.stream().anyMatch(topic -> topic.equals(area) || topic.contains(area)))
                .map(Areas::name)
                .map(name -> name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1)) // in a sentence
                .sorted()
                .toList();
    }

    /**
     * Why the visit is where it is, rule by rule, in the terms of {@link VisitConstraints}: what the
     * board says beside it. Each reason is a message code and its arguments.
     */
    public List<Reason> reasons() {
        if (team == null) {
            return List.of(new Reason("unplanned"));
        }
        List<Reason> reasons = new ArrayList<>();
        String from = previous == null ? team.getHome().name() : previous.company;
        reasons.add(
                Boolean.TRUE.equals(afterLunch)
                        ? new Reason("driveThroughLunch", getDriveMinutes(), from)
                        : new Reason("drive", getDriveMinutes(), from));
        if (!topics.isEmpty()) {
            List<String> known = knownTopics();
            reasons.add(
                    known.isEmpty()
                            ? new Reason("topicsUnknown")
                            : new Reason("topicsKnown", String.join(", ", known)));
        }
        if (!declined.isEmpty()) {
            reasons.add(new Reason("declinedAvoided"));
        }
        if (isPinned()) {
            reasons.add(pinBrokenMinutes() == 0 ? new Reason("pinned") : new Reason("pinBroken", pinBrokenMinutes()));
        }
        if (getOutsideWindowMinutes() > 0) {
            reasons.add(new Reason("outsideWindow", getOutsideWindowMinutes()));
        }
        if (minutesOutsidePreferred() > 0) {
            reasons.add(new Reason("outsidePreferred", minutesOutsidePreferred()));
        } else if (preferred != null) {
            reasons.add(new Reason("preferredKept"));
        }
        return reasons;
    }

    /**
     * Why a visit is left out of the plan, in words staff can act on: no teams that day; the company's
     * times fall where no team is out; or every team's day is full.
     */
    public Reason unplannedReason(List<Team> teams) {
        if (teams.isEmpty()) {
            return new Reason("noTeams");
        }
        if (!windows.isEmpty()
                && teams.stream()
                        .noneMatch(t -> windows.stream()
                                .anyMatch(w -> overlapMinutes(w, t.getWorkday()) >= length.toMinutes()))) {
            String times = windows.stream()
                    .map(w -> String.format("%tR–%tR", w.from(), w.to()))
                    .collect(Collectors.joining(", "));
            return new Reason("windowsOutsideTeams", times);
        }
        return new Reason("full");
    }

    private static long overlapMinutes(Window a, Window b) {
        LocalDateTime from = max(a.from(), b.from());
        LocalDateTime to = a.to().isBefore(b.to()) ? a.to() : b.to();
        return Math.max(0, Duration.between(from, to).toMinutes());
    }

    /** One reason, as a message code ({@code staff.planning.why.<code>}) and its arguments. */
    public record Reason(String code, Object... arguments) {}

    static String normalise(String topic) {
        return Areas.normalise(topic);
    }

    /** The topics as people read them (area names, the company's own words), sorted. */
    public List<String> topicNames() {
        return topics.stream().map(Areas::name).sorted().toList();
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    public String getId() {
        return id;
    }

    public String getCompany() {
        return company;
    }

    public Place getPlace() {
        return place;
    }

    public Duration getLength() {
        return length;
    }

    public List<Window> getWindows() {
        return windows;
    }

    public Window getPreferred() {
        return preferred;
    }

    public Set<String> getTopics() {
        return topics;
    }

    public Team getTeam() {
        return team;
    }

    public PlannedVisit getPrevious() {
        return previous;
    }

    public LocalDateTime getStart() {
        return start;
    }

    public LocalDateTime getEnd() {
        return start == null ? null : start.plus(length);
    }

    public int getDriveMinutes() {
        return driveMinutes == null ? 0 : driveMinutes;
    }

    public int getLateForLunchMinutes() {
        return lateForLunchMinutes == null ? 0 : lateForLunchMinutes;
    }

    public int getOutsideWindowMinutes() {
        return outsideWindowMinutes == null ? 0 : outsideWindowMinutes;
    }

    @Override
    public String toString() {
        return id;
    }
}
