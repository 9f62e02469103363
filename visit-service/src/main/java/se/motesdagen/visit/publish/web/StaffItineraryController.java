package se.motesdagen.visit.publish.web;

import java.text.Collator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import se.motesdagen.platform.audit.Audited;
import se.motesdagen.visit.host.Host;
import se.motesdagen.visit.host.Hosts;
import se.motesdagen.visit.publish.Publishing;
import se.motesdagen.visit.publish.Visit;
import se.motesdagen.visit.publish.VisitRepository;

/**
 * A host's day as published, to print on A4 and take along: each visit in order with time, address,
 * contact person and phone, topics and the drive before it, and who the host travels with.
 */
@Controller
class StaffItineraryController {

    private final VisitRepository visits;
    private final Hosts hosts;
    private final OwnVisits own;

    StaffItineraryController(VisitRepository visits, Hosts hosts, OwnVisits own) {
        this.visits = visits;
        this.hosts = hosts;
        this.own = own;
    }

    /** One host's published visits of one day, in order. */
    record HostDay(Visit.HostRef host, List<Visit> visits) {}

    /** A day with each host's list, hosts by name. */
    record Day(LocalDate day, List<HostDay> hosts) {}

    /**
     * Every host's published visits, day by day: a plain list per host, each with the link to the
     * printable day. Visits called off are left out. A host sees their own list only.
     */
    @GetMapping("/personal/scheman")
    String all(Model model) {
        Predicate<String> shown = own.seesAll() ? hostId -> true : own.ownHostIds()::contains;
        Map<LocalDate, Map<String, HostDay>> byDay = new TreeMap<>();
        visits.findAll().stream()
                .filter(v -> v.getStatus() != Visit.Status.CANCELLED && v.getStartsAt() != null)
                .sorted(Comparator.comparing(Visit::getStartsAt))
                .forEach(v -> v.getHosts().stream()
                        .filter(h -> shown.test(h.hostId()))
                        .forEach(h -> byDay.computeIfAbsent(v.getDay(), d -> new HashMap<>())
                                .computeIfAbsent(h.hostId(), id -> new HostDay(h, new ArrayList<>()))
                                .visits()
                                .add(v)));
        model.addAttribute(
                "days",
                byDay.entrySet().stream()
                        .map(e -> new Day(
                                e.getKey(),
                                e.getValue().values().stream()
                                        .sorted(Comparator.comparing(
                                                hd -> hd.host().name(), Collator.getInstance(Locale.of("sv", "SE"))))
                                        .toList()))
                        .toList());
        model.addAttribute("zone", Publishing.STOCKHOLM);
        return "publish/itineraries";
    }

    @Audited(value = "itinerary.viewed", record = "hostId")
    @GetMapping("/personal/scheman/{hostId}/{day}")
    String itinerary(@PathVariable String hostId, @PathVariable String day, Model model) {
        own.checkHost(hostId);
        Host host = hosts.all().stream()
                .filter(h -> h.id().equals(hostId))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such host"));
        LocalDate date;
        try {
            date = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such day");
        }
        List<Visit> day0 = visits.findAllByDayAndStatusNotOrderByStartsAtAsc(date, Visit.Status.CANCELLED).stream()
                .filter(v -> v.getHosts().stream().anyMatch(h -> h.hostId().equals(hostId)))
                .toList();
        model.addAttribute("host", host);
        model.addAttribute("day", date);
        model.addAttribute("visits", day0);
        model.addAttribute(
                "partners",
                day0.isEmpty()
                        ? List.of()
                        : day0.getFirst().getHosts().stream()
                                .filter(h -> !h.hostId().equals(hostId))
                                .toList());
        model.addAttribute("zone", Publishing.STOCKHOLM);
        return "publish/itinerary";
    }
}
