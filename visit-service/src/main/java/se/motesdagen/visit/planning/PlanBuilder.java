package se.motesdagen.visit.planning;

import java.time.Duration;
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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import se.motesdagen.visit.host.Host;
import se.motesdagen.visit.host.Hosts;
import se.motesdagen.visit.request.VisitRequest;
import se.motesdagen.visit.request.VisitRequests;

/**
 * Makes a planning problem of the day from what is stored: the teams from the hosts free that day (the
 * politicians and the officials paired in name order, each team out while both are free, after the
 * opening), the visits from the open requests, each placed by the locality its address names (the
 * town when it names none).
 */
@Component
class PlanBuilder {

    static final LocalTime OUT_AFTER_OPENING = LocalTime.of(9, 45);
    static final LocalTime LUNCH = LocalTime.of(12, 0);
    static final Place TOWN_HALL = new Place("Stadshuset, Nyköping", 58.7530, 17.0086);
    static final Duration VISIT = Duration.ofHours(1);
    static final Duration SHORTEST_DAY = Duration.ofHours(2);
    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private final Hosts hosts;
    private final VisitRequests requests;
    private final TravelTimes travel = new TravelTimes();

    PlanBuilder(Hosts hosts, VisitRequests requests) {
        this.hosts = hosts;
        this.requests = requests;
    }

    VisitPlan build(LocalDate day) {
        return new VisitPlan(teams(day), visits(day));
    }

    private List<Team> teams(LocalDate day) {
        List<Host> free = hosts.all().stream()
                .filter(h -> availability(h, day).isPresent())
                .sorted(Comparator.comparing(Host::name))
                .toList();
        List<Host> politicians =
                free.stream().filter(h -> h.role() == Host.Role.POLITICIAN).toList();
        List<Host> officials =
                free.stream().filter(h -> h.role() == Host.Role.OFFICIAL).toList();
        FixedPoint lunch =
                new FixedPoint("Lunch", new Window(day.atTime(LUNCH), day.atTime(LUNCH.plusHours(1))), TOWN_HALL);
        List<Team> teams = new ArrayList<>();
        for (int i = 0; i < Math.min(politicians.size(), officials.size()); i++) {
            var politician = politicians.get(i);
            var official = officials.get(i);
            var a = availability(politician, day).orElseThrow();
            var b = availability(official, day).orElseThrow();
            LocalDateTime from = day.atTime(max(max(a.from(), b.from()), OUT_AFTER_OPENING));
            LocalDateTime to = day.atTime(a.to().isBefore(b.to()) ? a.to() : b.to());
            if (Duration.between(from, to).compareTo(SHORTEST_DAY) < 0) {
                continue; // not free together long enough for a visit and the drives
            }
            teams.add(new Team(
                    "Lag " + (teams.size() + 1),
                    List.of(planningHost(politician), planningHost(official)),
                    new Window(from, to),
                    TOWN_HALL,
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
                    .filter(java.util.Objects::nonNull)
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
        return new VisitPlan(plan.getTeams(), new ArrayList<>(fresh.values()));
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

    static PlannedVisit visit(VisitRequest request, LocalDate day) {
        Set<String> topics = topics(request.topics());
        topics.addAll(request.areas());
        return new PlannedVisit(
                request.registrationId(),
                request.companyName(),
                place(request),
                VISIT,
                windows(request, day),
                null,
                topics);
    }

    /** When the company can receive on that day, in Stockholm time. */
    static List<Window> windows(VisitRequest request, LocalDate day) {
        return request.windows().stream()
                .map(w -> new Window(
                        LocalDateTime.ofInstant(w.from(), STOCKHOLM), LocalDateTime.ofInstant(w.to(), STOCKHOLM)))
                .filter(w -> w.from().toLocalDate().equals(day))
                .toList();
    }

    /** The locality the address names (or else the company's town names); the main town when neither names one we know. */
    static Place place(VisitRequest request) {
        Place locality =
                named(request.address()).or(() -> named(request.town())).orElse(Localities.NYKOPING.getFirst());
        return new Place(request.address(), locality.latitude(), locality.longitude());
    }

    private static Optional<Place> named(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return Localities.NYKOPING.stream()
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
