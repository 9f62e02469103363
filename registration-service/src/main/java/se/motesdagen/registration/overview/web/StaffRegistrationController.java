package se.motesdagen.registration.overview.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import se.motesdagen.platform.audit.Audited;
import se.motesdagen.registration.manage.CompanyConflicts;
import se.motesdagen.registration.overview.Exports;
import se.motesdagen.registration.overview.RegistrationSearch;
import se.motesdagen.registration.overview.RegistrationSearch.Search;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.seats.Seats;

/** Staff list of registrations for a day (behind the staff login): search, filters, pages and the files. */
@Controller
class StaffRegistrationController {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;

    private final RegistrationSearch registrations;
    private final Exports exports;
    private final Programme programme;
    private final Seats seats;
    private final CompanyConflicts conflicts;

    StaffRegistrationController(
            RegistrationSearch registrations,
            Exports exports,
            Programme programme,
            Seats seats,
            CompanyConflicts conflicts) {
        this.registrations = registrations;
        this.exports = exports;
        this.programme = programme;
        this.seats = seats;
        this.conflicts = conflicts;
    }

    @GetMapping("/personal/anmalningar")
    String list(
            @RequestParam(name = "event", required = false) String dayId,
            Search search,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size,
            Model model) {
        day(dayId).ifPresent(day -> {
            RegistrationSearch.Found found = registrations.page(day, search, page, Math.clamp(size, 1, MAX_PAGE_SIZE));
            model.addAttribute("day", day);
            model.addAttribute("contested", conflicts.waiting(day.id()));
            model.addAttribute("fill", seats.fill(day));
            model.addAttribute("registrations", found.registrations());
            model.addAttribute("all", found.all());
            model.addAttribute("confirmed", found.confirmed());
            model.addAttribute("found", found.found());
            model.addAttribute("page", found.page());
            model.addAttribute("pages", found.pages());
            model.addAttribute("size", found.size());
            model.addAttribute("q", search.text());
            model.addAttribute("status", search.status());
            model.addAttribute("session", search.session());
            model.addAttribute("visit", search.visit());
            model.addAttribute("answer", search.answer());
            model.addAttribute("answerFilters", AnswerFilters.of(day));
            model.addAttribute("sort", search.sort());
        });
        return "registration/staff-list";
    }

    /** The same selection as the list, every page of it, as a file for Excel. */
    @Audited(value = "registrations.exported", record = "event")
    @GetMapping("/personal/anmalningar.csv")
    ResponseEntity<byte[]> csv(
            @RequestParam(name = "event", required = false) String dayId, Search search, Locale locale) {
        Day day = day(dayId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return download(
                exports.csv(day, search, locale), "text/csv; charset=UTF-8", "anmalningar-" + day.id() + ".csv");
    }

    /** The same as an Excel workbook, with a sheet of attendees. */
    @Audited(value = "registrations.exported", record = "event")
    @GetMapping("/personal/anmalningar.xlsx")
    ResponseEntity<byte[]> xlsx(
            @RequestParam(name = "event", required = false) String dayId, Search search, Locale locale)
            throws IOException {
        Day day = day(dayId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return download(
                exports.xlsx(day, search, locale),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "anmalningar-" + day.id() + ".xlsx");
    }

    private ResponseEntity<byte[]> download(byte[] body, String type, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(body);
    }

    /** The day asked for, or else the next one. */
    private Optional<Day> day(String dayId) {
        return dayId != null ? programme.day(dayId) : programme.nextDay();
    }
}
