package se.motesdagen.visit.planning;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

    private final Hosts hosts;
    private final VisitRequests requests;
    private final TravelTimes travel = new TravelTimes();

    PlanBuilder(Hosts hosts, VisitRequests requests) {
        this.hosts = hosts;
        this.requests = requests;
    }

    VisitPlan build(LocalDate day) {
        return new VisitPlan(teams(day), visits());
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

    private List<PlannedVisit> visits() {
        return requests.open().stream()
                .map(r -> new PlannedVisit(
                        r.registrationId(), r.companyName(), place(r), VISIT, List.of(), null, topics(r.topics())))
                .toList();
    }

    /** The address's locality, by name; the town when the address names none we know. */
    static Place place(VisitRequest request) {
        String address = request.address() == null ? "" : request.address().toLowerCase(Locale.ROOT);
        Place locality = Localities.NYKOPING.stream()
                .skip(1)
                .filter(p -> address.contains(p.name().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElse(Localities.NYKOPING.getFirst());
        return new Place(request.address(), locality.latitude(), locality.longitude());
    }

    static java.util.Set<String> topics(String text) {
        return text == null
                ? java.util.Set.of()
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
                java.util.Set.copyOf(host.expertise()));
    }

    private static LocalTime max(LocalTime a, LocalTime b) {
        return a.isAfter(b) ? a : b;
    }
}
