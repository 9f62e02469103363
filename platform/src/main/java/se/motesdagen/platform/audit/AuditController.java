package se.motesdagen.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log of this service for ADMIN (a staff path no access rule names is for ADMIN alone),
 * filtered by action, who, record and dates, newest first; the page links to the other services' logs.
 */
@Controller
class AuditController {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/personal/logg")
    String page(
            @RequestParam(name = "atgard", required = false) String action,
            @RequestParam(name = "vem", required = false) String subject,
            @RequestParam(name = "post", required = false) String record,
            @RequestParam(name = "fran", required = false) String from,
            @RequestParam(name = "till", required = false) String until,
            HttpServletRequest request,
            Model model) {
        List<String> errors = new ArrayList<>();
        LocalDate fromDay = day(from, "fran", errors);
        LocalDate untilDay = day(until, "till", errors);
        model.addAttribute(
                "entries",
                log.find(
                        blankToNull(action),
                        blankToNull(subject),
                        blankToNull(record),
                        fromDay == null ? null : fromDay.atStartOfDay(STOCKHOLM).toInstant(),
                        untilDay == null
                                ? null
                                : untilDay.plusDays(1).atStartOfDay(STOCKHOLM).toInstant()));
        model.addAttribute("actions", log.actions());
        model.addAttribute("errors", errors);
        model.addAttribute("zone", STOCKHOLM);
        model.addAttribute("limit", AuditLog.PAGE);
        model.addAttribute("here", request.getContextPath());
        return "platform/audit";
    }

    private static LocalDate day(String text, String field, List<String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(field);
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
