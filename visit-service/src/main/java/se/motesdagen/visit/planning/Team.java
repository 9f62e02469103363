package se.motesdagen.visit.planning;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The hosts out together on one day (one politician and one official unless the municipality shapes its
 * teams otherwise): their visits in the order they make them. The day runs from when all are free
 * (after the joint opening) to when the first of them must stop;
 * it starts and ends at {@code home} (the town hall). A pinned team keeps its visits as they are.
 */
@PlanningEntity
public class Team {

    @PlanningId
    private String id;

    private List<TeamMember> hosts;
    private LocalDate day;
    private Window workday;
    private Place home;
    private FixedPoint lunch;
    private TravelTimes travel;
    /** What the team's officials know, normalised once: the score asks for it at every step. */
    private Set<String> expertise;

    @PlanningPin
    private boolean pinned;

    @PlanningListVariable(allowsUnassignedValues = true)
    private List<PlannedVisit> visits = new ArrayList<>();

    protected Team() {}

    public Team(String id, List<TeamMember> hosts, Window workday, Place home, FixedPoint lunch, TravelTimes travel) {
        this.id = id;
        this.hosts = List.copyOf(hosts);
        this.day = workday.from().toLocalDate();
        this.workday = workday;
        this.home = home;
        this.lunch = lunch;
        this.travel = travel;
        this.expertise = this.hosts.stream()
                .filter(h -> h.role() == TeamMember.Role.OFFICIAL)
                .flatMap(h -> h.expertise().stream())
                .map(PlannedVisit::normalise)
                .collect(Collectors.toUnmodifiableSet());
    }

    public String getId() {
        return id;
    }

    public List<TeamMember> getHosts() {
        return hosts;
    }

    public LocalDate getDay() {
        return day;
    }

    public Window getWorkday() {
        return workday;
    }

    public Place getHome() {
        return home;
    }

    public FixedPoint getLunch() {
        return lunch;
    }

    TravelTimes getTravel() {
        return travel;
    }

    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    public List<PlannedVisit> getVisits() {
        return visits;
    }

    public void setVisits(List<PlannedVisit> visits) {
        this.visits = visits;
    }

    /** What the officials of the team know about: the topics a visit is best matched to. */
    public Set<String> expertise() {
        return expertise;
    }

    /** Minutes from the last visit back home; 0 for a team with no visits. */
    public int driveHomeMinutes() {
        return visits.isEmpty() ? 0 : travel.minutes(visits.getLast().getPlace(), home);
    }

    /** Minutes the day runs past when the hosts must stop, counting the drive home. */
    public int overtimeMinutes() {
        if (visits.isEmpty() || visits.getLast().getStart() == null) {
            return 0;
        }
        LocalDateTime back = visits.getLast().getEnd().plusMinutes(driveHomeMinutes());
        return (int) Math.max(0, Duration.between(workday.to(), back).toMinutes());
    }

    public String label() {
        return Stream.concat(Stream.of(id), hosts.stream().map(TeamMember::name))
                .collect(Collectors.joining(" · "));
    }

    @Override
    public String toString() {
        return id;
    }
}
