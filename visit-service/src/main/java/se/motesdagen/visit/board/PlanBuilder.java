package se.motesdagen.visit.board;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import se.motesdagen.visit.host.Host;
import se.motesdagen.visit.host.Hosts;
import se.motesdagen.visit.planning.FixedPoint;
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
import se.motesdagen.visit.request.VisitRequest;
import se.motesdagen.visit.request.VisitRequests;

/**
 * Makes a planning problem of the day from what is stored and how the municipality's days are shaped
 * ({@link PlanningSettings}): the teams from the hosts free that day, the visits from the open requests
 * the companies can receive that day, each placed by the locality its address names (or else its town).
 */
@Component
class PlanBuilder {

    static final Duration SHORTEST_DAY = Duration.ofHours(2);
    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private final Hosts hosts;
    private final VisitRequests requests;
    private final PlanningSettings settings;
    private final TravelTimes travel;
    private final PublishedVisits published;

    PlanBuilder(Hosts hosts, VisitRequests requests, PlanningSettings settings, PublishedVisits published) {
        this.published = published;
        this.hosts = hosts;
        this.requests = requests;
        this.settings = settings;
        this.travel = settings.travelTimes();
    }

    /**
     * The day's problem. What has been published for the day is put back where it was and pinned there
     * (staff may let a visit go on the board): a new proposal plans around the times companies have.
     */
    VisitPlan build(LocalDate day) {
        VisitPlan plan = new VisitPlan(teams(day), visits(day));
        keepPublished(plan, published.kept(day));
        return plan;
    }

    /**
     * The board's plan as it was kept: the day's teams and open requests read afresh, each kept team's
     * visits put back in their order (a visit no longer open is left out, a new request stays unplanned),
     * locks and pins as they were. A team whose hosts changed is no longer the same team: it starts empty.
     */
    VisitPlan restore(LocalDate day, DraftPlan draft) {
        VisitPlan plan = new VisitPlan(teams(day), visits(day));
        Map<String, PlannedVisit> byId = new HashMap<>();
        plan.getVisits().forEach(v -> byId.put(v.getId(), v));
        Map<Set<String>, DraftPlan.DraftTeam> kept = new HashMap<>();
        draft.teams().forEach(t -> kept.put(Set.copyOf(t.hostIds()), t));
        Set<String> placed = new HashSet<>();
        for (Team team : plan.getTeams()) {
            DraftPlan.DraftTeam was = kept.get(hostIds(team));
            if (was == null) {
                continue;
            }
            team.setPinned(was.locked());
            for (String visitId : was.visitIds()) {
                PlannedVisit visit = byId.get(visitId);
                if (visit != null && placed.add(visitId)) {
                    team.getVisits().add(visit);
                }
            }
        }
        SCORING.update(plan);
        draft.pinnedVisits().stream().map(byId::get).filter(Objects::nonNull).forEach(PlannedVisit::pin);
        SCORING.update(plan);
        return plan;
    }

    /** What to keep of a plan on the board: see {@link #restore}. */
    static DraftPlan draft(LocalDate day, VisitPlan plan, Instant now) {
        return new DraftPlan(
                day.toString(),
                plan.getTeams().stream()
                        .map(team -> new DraftPlan.DraftTeam(
                                hostIds(team).stream().sorted().toList(),
                                team.isPinned(),
                                team.getVisits().stream()
                                        .map(PlannedVisit::getId)
                                        .toList()))
                        .toList(),
                plan.getVisits().stream()
                        .filter(PlannedVisit::isPinned)
                        .map(PlannedVisit::getId)
                        .toList(),
                now);
    }

    /** Puts each kept visit in the team of its hosts, in the order of their starts, and pins it there. */
    void keepPublished(VisitPlan plan, List<PublishedVisits.Kept> kept) {
        Map<String, PlannedVisit> byId = new HashMap<>();
        plan.getVisits().forEach(v -> byId.put(v.getId(), v));
        Map<PlannedVisit, LocalDateTime> placed = new LinkedHashMap<>();
        kept.stream().sorted(Comparator.comparing(PublishedVisits.Kept::start)).forEach(k -> {
            PlannedVisit visit = byId.get(k.requestId());
            Optional<Team> team = plan.getTeams().stream()
                    .filter(t -> hostIds(t).equals(k.hostIds()))
                    .findFirst();
            if (visit != null && team.isPresent()) {
                team.get().getVisits().add(visit);
                placed.put(visit, k.start());
            }
        });
        if (!placed.isEmpty()) {
            SCORING.update(plan);
            placed.forEach(PlannedVisit::pinAt); // at the time the company was told, not the one worked out now
            SCORING.update(plan);
        }
    }

    /** Works out times and score of a plan as it stands (no solving). */
    private static final VisitPlanner SCORING = VisitPlanner.firstFit();

    /**
     * The teams of the day: the politicians and the officials free that day, each in name order, taken
     * as many of each as a team has ({@link PlanningSettings.TeamShape}); a team is out from the opening
     * (or when all of it is free) until the first of it must stop, and is left out when that is too short.
     */
    private List<Team> teams(LocalDate day) {
        return teams(hosts.all(), day, settings, travel);
    }

    static List<Team> teams(List<Host> roster, LocalDate day, PlanningSettings settings, TravelTimes travel) {
        List<Host> free = roster.stream()
                .filter(h -> availability(h, day).isPresent())
                .sorted(Comparator.comparing(Host::name))
                .toList();
        List<Host> politicians =
                free.stream().filter(h -> h.role() == Host.Role.POLITICIAN).toList();
        List<Host> officials =
                free.stream().filter(h -> h.role() == Host.Role.OFFICIAL).toList();
        LocalTime lunchAt = settings.lunch();
        FixedPoint lunch = new FixedPoint(
                "Lunch",
                new Window(day.atTime(lunchAt), day.atTime(lunchAt).plus(settings.lunchLength())),
                settings.home());
        var shape = settings.team();
        int count = Math.min(
                shape.politicians() == 0 ? Integer.MAX_VALUE : politicians.size() / shape.politicians(),
                shape.officials() == 0 ? Integer.MAX_VALUE : officials.size() / shape.officials());
        List<Team> teams = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Host> members = new ArrayList<>();
            members.addAll(politicians.subList(i * shape.politicians(), (i + 1) * shape.politicians()));
            members.addAll(officials.subList(i * shape.officials(), (i + 1) * shape.officials()));
            LocalTime from = settings.outAfterOpening();
            LocalTime to = LocalTime.MAX;
            for (Host member : members) {
                Host.Availability free0 = availability(member, day).orElseThrow();
                from = max(from, free0.from());
                to = free0.to().isBefore(to) ? free0.to() : to;
            }
            if (!to.isAfter(from) || Duration.between(from, to).compareTo(SHORTEST_DAY) < 0) {
                continue; // not free together long enough for a visit and the drives
            }
            teams.add(new Team(
                    "Lag " + (teams.size() + 1),
                    members.stream().map(PlanBuilder::planningHost).toList(),
                    new Window(day.atTime(from), day.atTime(to)),
                    settings.home(),
                    lunch,
                    travel));
        }
        return teams;
    }

    /**
     * The plan on the board brought up to date for solving again around what staff pinned or locked: the
     * same teams with the same visits in the same order, each read again from its request (an address or
     * a window may have changed), those no longer open taken out, and new requests added unplanned.
     */
    VisitPlan refresh(VisitPlan plan, LocalDate day) {
        Map<String, PlannedVisit> fresh = new LinkedHashMap<>();
        visits(day).forEach(v -> fresh.put(v.getId(), v));
        Map<String, PlannedVisit> earlier = new HashMap<>();
        plan.getVisits().forEach(v -> earlier.put(v.getId(), v));
        for (Team team : plan.getTeams()) {
            List<PlannedVisit> again = team.getVisits().stream()
                    .map(v -> fresh.get(v.getId()))
                    .filter(Objects::nonNull)
                    .toList();
            team.getVisits().clear();
            team.getVisits().addAll(again);
        }
        fresh.values().forEach(v -> {
            PlannedVisit before = earlier.get(v.getId());
            if (before != null) {
                v.pinLike(before);
            }
        });
        VisitPlan again = new VisitPlan(plan.getTeams(), new ArrayList<>(fresh.values()));
        pinPublishedInPlace(again, published.kept(day));
        return again;
    }

    /**
     * Pins each published visit that is still with the hosts it was published with (the board's plan was
     * the published one) at the time the company was told, even if the visit before it has gone since;
     * one staff moved by hand since is left where they put it, unpinned.
     */
    static void pinPublishedInPlace(VisitPlan plan, List<PublishedVisits.Kept> kept) {
        if (kept.isEmpty()) {
            return;
        }
        SCORING.update(plan);
        Map<String, PlannedVisit> byId = new HashMap<>();
        plan.getVisits().forEach(v -> byId.put(v.getId(), v));
        for (PublishedVisits.Kept k : kept) {
            PlannedVisit visit = byId.get(k.requestId());
            if (visit != null
                    && visit.getTeam() != null
                    && !visit.isPinned()
                    && hostIds(visit.getTeam()).equals(k.hostIds())) {
                visit.pinAt(k.start());
            }
        }
        SCORING.update(plan);
    }

    private static Set<String> hostIds(Team team) {
        return team.getHosts().stream().map(TeamMember::id).collect(Collectors.toSet());
    }

    /**
     * The open requests the company can receive that day, each with its windows that day (a company
     * that gave no times can receive any time; one whose times are all on other days is left for those).
     */
    List<PlannedVisit> visits(LocalDate day) {
        return requests.open().stream()
                .filter(r -> r.windows().isEmpty() || !windows(r, day).isEmpty())
                .map(r -> visit(r, day))
                .toList();
    }

    PlannedVisit visit(VisitRequest request, LocalDate day) {
        Set<String> topics = topics(request.topics());
        topics.addAll(request.areas());
        return new PlannedVisit(
                        request.registrationId(),
                        request.companyName(),
                        place(request),
                        settings.visitLength(),
                        windows(request, day),
                        null,
                        topics)
                .declining(onDay(request.declined(), day));
    }

    /** When the company can receive on that day, in Stockholm time. */
    static List<Window> windows(VisitRequest request, LocalDate day) {
        return onDay(request.windows(), day);
    }

    private static List<Window> onDay(List<VisitRequest.Receivable> times, LocalDate day) {
        return times.stream()
                .map(w -> new Window(
                        LocalDateTime.ofInstant(w.from(), STOCKHOLM), LocalDateTime.ofInstant(w.to(), STOCKHOLM)))
                .filter(w -> w.from().toLocalDate().equals(day))
                .toList();
    }

    /** The locality the address names (or else the company's town names); the main town when neither names one we know. */
    Place place(VisitRequest request) {
        Place locality = named(request.address())
                .or(() -> named(request.town()))
                .orElse(settings.localities().getFirst());
        return new Place(request.address(), locality.latitude(), locality.longitude());
    }

    private Optional<Place> named(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return settings.localities().stream()
                .skip(1)
                .filter(p -> lower.contains(p.name().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    static Set<String> topics(String text) {
        return text == null
                ? new HashSet<>()
                : Arrays.stream(text.split("[,;\\n]"))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .collect(Collectors.toCollection(HashSet::new));
    }

    private static Optional<Host.Availability> availability(Host host, LocalDate day) {
        return host.availability().stream().filter(a -> a.day().equals(day)).findFirst();
    }

    private static TeamMember planningHost(Host host) {
        return new TeamMember(
                host.id(),
                host.name(),
                host.role() == Host.Role.POLITICIAN ? TeamMember.Role.POLITICIAN : TeamMember.Role.OFFICIAL,
                Set.copyOf(host.expertise()));
    }

    private static LocalTime max(LocalTime a, LocalTime b) {
        return a.isAfter(b) ? a : b;
    }
}
