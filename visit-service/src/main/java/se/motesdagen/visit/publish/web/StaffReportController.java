package se.motesdagen.visit.publish.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import se.motesdagen.platform.audit.Audited;
import se.motesdagen.platform.security.StaffMember;
import se.motesdagen.visit.publish.Publishing;
import se.motesdagen.visit.publish.Reports;
import se.motesdagen.visit.publish.Visit;
import se.motesdagen.visit.request.Areas;

/** The visit report, written by a host or staff after the visit; saving it marks the visit done. */
@Controller
class StaffReportController {

    static final int MAX_TEXT = 2000;

    private final Reports reports;
    private final OwnVisits own;

    StaffReportController(Reports reports, OwnVisits own) {
        this.reports = reports;
        this.own = own;
    }

    @Audited(value = "visit-report.viewed", record = "id")
    @GetMapping("/personal/besok/{id}/rapport")
    String form(@PathVariable String id, Model model) {
        Visit visit = reports.visit(id).orElseThrow(own::missing);
        own.checkVisit(visit);
        Visit.Report report = visit.getReport();
        return show(
                visit,
                report == null ? new Visit.Report("", "", List.of(), "email", "", List.of(), null, null) : report,
                List.of(),
                model);
    }

    @Audited(value = "visit-report.saved", record = "id")
    @PostMapping("/personal/besok/{id}/rapport")
    String save(
            @PathVariable String id,
            @RequestParam(name = "worksWell", required = false) String worksWell,
            @RequestParam(name = "worksBadly", required = false) String worksBadly,
            @RequestParam(name = "areas", required = false) List<String> areas,
            @RequestParam(name = "feedbackWanted", required = false) String feedbackWanted,
            @RequestParam(name = "followUps", required = false) String followUps,
            @RequestParam(name = "actionWhat", required = false) List<String> actionWhat,
            @RequestParam(name = "actionOwner", required = false) List<String> actionOwner,
            @RequestParam(name = "actionDue", required = false) List<String> actionDue,
            Model model,
            HttpServletResponse response) {
        Visit visit = reports.visit(id).orElseThrow(own::missing);
        own.checkVisit(visit);
        List<String> ticked = areas == null
                ? List.of()
                : areas.stream().filter(Reports.AREAS::contains).toList();
        List<String> errors = new ArrayList<>();
        List<Visit.FollowUp> actions = new ArrayList<>();
        for (int i = 0; actionWhat != null && i < actionWhat.size(); i++) {
            String what = trim(actionWhat.get(i));
            String owner = trim(at(actionOwner, i));
            String due = trim(at(actionDue, i));
            if (what.isEmpty() && owner.isEmpty() && due.isEmpty()) {
                continue; // an empty row
            }
            LocalDate dueDate = null;
            try {
                dueDate = due.isEmpty() ? null : LocalDate.parse(due);
            } catch (DateTimeParseException e) {
                errors.add("report.error.action");
            }
            if (what.isEmpty() || owner.isEmpty() || dueDate == null || what.length() > 300 || owner.length() > 200) {
                if (!errors.contains("report.error.action")) {
                    errors.add("report.error.action");
                }
            }
            actions.add(new Visit.FollowUp(what, owner, dueDate));
        }
        Visit.Report written = new Visit.Report(
                trim(worksWell),
                trim(worksBadly),
                ticked,
                feedbackWanted,
                trim(followUps),
                actions,
                StaffMember.current().orElseThrow().name(),
                null); // stamped when it is saved

        if (feedbackWanted == null || !Reports.FEEDBACK.contains(feedbackWanted)) {
            errors.add("report.error.feedback");
        }
        if (written.worksWell().length() > MAX_TEXT
                || written.worksBadly().length() > MAX_TEXT
                || written.followUps().length() > MAX_TEXT) {
            errors.add("report.error.long");
        }
        if (written.worksWell().isEmpty() && written.worksBadly().isEmpty() && ticked.isEmpty()) {
            errors.add("report.error.empty");
        }
        if (visit.getStatus() == Visit.Status.CANCELLED) {
            errors.add("report.error.cancelled");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(visit, written, errors, model);
        }
        Visit done = reports.complete(id, written).orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT));
        model.addAttribute("saved", true);
        return show(done, done.getReport(), List.of(), model);
    }

    private static String show(Visit visit, Visit.Report report, List<String> errors, Model model) {
        model.addAttribute("visit", visit);
        model.addAttribute("report", report);
        List<Visit.FollowUp> rows = new ArrayList<>(report.actions());
        while (rows.size() < Math.max(3, report.actions().size() + 1)) {
            rows.add(new Visit.FollowUp("", "", null)); // room for more, without JavaScript
        }
        model.addAttribute("actionRows", rows);
        model.addAttribute("errors", errors);
        model.addAttribute("areas", Reports.AREAS);
        model.addAttribute("names", Areas.NAMES);
        model.addAttribute("feedbackOptions", Reports.FEEDBACK);
        model.addAttribute("zone", Publishing.STOCKHOLM);
        return "publish/report";
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() ? null : values.get(i);
    }

    private static String trim(String text) {
        return text == null ? "" : text.strip();
    }
}
