package se.motesdagen.visit.board.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.motesdagen.visit.board.PlanEdits;
import se.motesdagen.visit.board.PlanningBoard;
import se.motesdagen.visit.board.RouteMap;
import se.motesdagen.visit.host.Hosts;
import se.motesdagen.visit.planning.PlanningSettings;
import se.motesdagen.visit.publish.Answers;
import se.motesdagen.visit.publish.Publishing;
import se.motesdagen.visit.request.VisitRequests;

/**
 * The planning board: pick the day, let the solver build the teams' itineraries, watch its progress,
 * stop it when the plan is good enough, and read each team's day with the driving between visits and
 * what did not fit. Works without JavaScript: the page reloads itself while the solver runs.
 */
@Controller
class StaffPlanningController {

    private final PlanningBoard board;
    private final Hosts hosts;
    private final VisitRequests requests;
    private final Publishing publishing;
    private final Answers answers;
    private final PlanningSettings settings;
    private final Clock clock;

    StaffPlanningController(
            PlanningBoard board,
            Hosts hosts,
            VisitRequests requests,
            Publishing publishing,
            Answers answers,
            PlanningSettings settings,
            Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.board = board;
        this.hosts = hosts;
        this.requests = requests;
        this.publishing = publishing;
        this.answers = answers;
    }

    @GetMapping("/personal/planering")
    String board(@RequestParam(name = "dag", required = false) String dag, Model model, HttpServletResponse response) {
        LocalDate day = parse(dag);
        if (day == null) {
            day = board.snapshot().day() != null ? board.snapshot().day() : firstDayWithHosts();
        }
        PlanningBoard.Snapshot snapshot = board.snapshot(day);
        if (snapshot.state() == PlanningBoard.State.SOLVING) {
            response.setHeader("Refresh", "3"); // live progress without JavaScript
        }
        model.addAttribute("day", day);
        model.addAttribute("dayInvalid", dag != null && parse(dag) == null);
        model.addAttribute("openRequests", requests.open().size());
        LocalDate forDay = day;
        model.addAttribute(
                "freeHosts",
                hosts.all().stream()
                        .filter(h ->
                                h.availability().stream().anyMatch(a -> a.day().equals(forDay)))
                        .count());
        model.addAttribute("snapshot", snapshot);
        boolean shown = snapshot.plan() != null && day.equals(snapshot.day());
        model.addAttribute("plan", shown ? snapshot.plan() : null);
        model.addAttribute(
                "unplanned",
                shown
                        ? snapshot.plan().getVisits().stream()
                                .filter(v -> v.getTeam() == null)
                                .toList()
                        : List.of());
        model.addAttribute("changeRequests", answers.changeRequests());
        model.addAttribute(
                "maps",
                shown
                        ? snapshot.plan().getTeams().stream()
                                .collect(Collectors.toMap(
                                        t -> t.getId(), t -> RouteMap.of(t, settings.localities(), 360, 260)))
                        : Map.of());
        return "board/board";
    }

    /**
     * Moves a visit to a place in a team's day (no place: last), or out of the plan; refused when it
     * breaks a rule.
     */
    @PostMapping("/personal/planering/flytta")
    String move(
            @RequestParam(name = "besok") String visitId,
            @RequestParam(name = "till", required = false) String teamId,
            @RequestParam(name = "plats", required = false) String place,
            @RequestParam(name = "dag", required = false) String dag,
            RedirectAttributes redirect) {
        board.snapshot(parse(dag)); // the day's latest plan, whichever instance changed it
        Integer position = null;
        if (place != null && !place.isBlank()) {
            try {
                position = Integer.valueOf(place.strip());
            } catch (NumberFormatException e) {
                redirect.addFlashAttribute("message", "staff.planning.badPlace");
                return backToBoard();
            }
        }
        PlanEdits.Moved moved = board.move(visitId, teamId == null || teamId.isBlank() ? null : teamId, position);
        switch (moved) {
            case PlanEdits.Done done -> redirect.addFlashAttribute("message", "staff.planning.moved");
            case PlanEdits.BreaksRules breaks -> {
                redirect.addFlashAttribute("message", "staff.planning.moveBreaks");
                redirect.addFlashAttribute("minutes", breaks.minutes());
            }
            case PlanEdits.Locked locked -> redirect.addFlashAttribute("message", "staff.planning.moveLocked");
            case PlanEdits.Pinned pinned -> redirect.addFlashAttribute("message", "staff.planning.movePinned");
            case PlanEdits.Unknown unknown -> redirect.addFlashAttribute("message", "staff.planning.moveUnknown");
        }
        return backToBoard();
    }

    /** Locks a team's day (the next proposal keeps it) or unlocks it. */
    @PostMapping("/personal/planering/las")
    String lock(
            @RequestParam(name = "lag") String teamId,
            @RequestParam(name = "last", defaultValue = "true") boolean locked,
            @RequestParam(name = "dag", required = false) String dag,
            RedirectAttributes redirect) {
        board.snapshot(parse(dag));
        if (!board.lock(teamId, locked)) {
            redirect.addFlashAttribute("message", "staff.planning.moveUnknown");
        }
        return backToBoard();
    }

    /** Pins a visit where it is (the next proposal keeps its team and time) or lets it go. */
    @PostMapping("/personal/planering/las-besok")
    String pin(
            @RequestParam(name = "besok") String visitId,
            @RequestParam(name = "last", defaultValue = "true") boolean pinned,
            @RequestParam(name = "dag", required = false) String dag,
            RedirectAttributes redirect) {
        board.snapshot(parse(dag));
        if (!board.pin(visitId, pinned)) {
            redirect.addFlashAttribute("message", "staff.planning.pinRefused");
        }
        return backToBoard();
    }

    private String backToBoard() {
        return "redirect:/personal/planering"
                + (board.snapshot().day() == null
                        ? ""
                        : "?dag=" + board.snapshot().day());
    }

    /** Publishes the plan on the board: only what changed since last time is sent. */
    @PostMapping("/personal/planering/publicera")
    String publish(@RequestParam(name = "dag") String dag, RedirectAttributes redirect) {
        LocalDate day = parse(dag);
        PlanningBoard.Snapshot snapshot = board.snapshot(day);
        if (day == null
                || snapshot.state() != PlanningBoard.State.DONE
                || snapshot.plan() == null
                || !day.equals(snapshot.day())) {
            redirect.addFlashAttribute("message", "staff.planning.nothingToPublish");
            return "redirect:/personal/planering" + (day == null ? "" : "?dag=" + day);
        }
        redirect.addFlashAttribute("published", publishing.publish(day, snapshot.plan()));
        return "redirect:/personal/planering?dag=" + day;
    }

    @PostMapping("/personal/planering/los")
    String solve(@RequestParam(name = "dag") String dag, RedirectAttributes redirect) {
        LocalDate day = parse(dag);
        if (day == null) {
            redirect.addFlashAttribute("message", "staff.planning.badDay");
            return "redirect:/personal/planering";
        }
        board.snapshot(day); // solving around pins starts from the day's latest plan
        if (!board.start(day)) {
            redirect.addFlashAttribute("message", "staff.planning.busy");
        }
        return "redirect:/personal/planering?dag=" + day;
    }

    @PostMapping("/personal/planering/stoppa")
    String stop() {
        board.stop();
        return "redirect:/personal/planering";
    }

    /** The first day from today (in Stockholm) that some host is free, or else today. */
    private LocalDate firstDayWithHosts() {
        LocalDate today = LocalDate.now(clock.withZone(Publishing.STOCKHOLM));
        return hosts.all().stream()
                .flatMap(h -> h.availability().stream())
                .map(a -> a.day())
                .filter(d -> !d.isBefore(today))
                .min(LocalDate::compareTo)
                .orElse(today);
    }

    private static LocalDate parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
