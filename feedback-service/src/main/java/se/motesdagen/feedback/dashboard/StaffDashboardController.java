package se.motesdagen.feedback.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.motesdagen.feedback.nki.Figure;
import se.motesdagen.feedback.survey.Questionnaire;

/**
 * What businesses said, for staff: NKI with its interval and grade, the service factors, how answers
 * spread, the trend beside the reference series, response rates, and the free text with a search; every
 * chart has its table, and the answers export to CSV (anonymous unless contact was asked for).
 */
@Controller
class StaffDashboardController {

    static final List<String> KINDS = List.of("day", "visit", "year");

    private final Results results;
    private final ReferenceSeries reference;

    StaffDashboardController(Results results, ReferenceSeries reference) {
        this.results = results;
        this.reference = reference;
    }

    @GetMapping("/personal/resultat")
    String overview(
            @RequestParam(name = "enkat", required = false) String kind,
            @RequestParam(name = "ar", required = false) String year,
            @RequestParam(name = "sok", required = false) String search,
            Model model) {
        Results.Filter filter = filter(kind, year);
        Results.Summary summary = results.summary(filter, search);
        List<ReferencePoint> points = reference.all();
        model.addAttribute("filter", filter);
        model.addAttribute("search", search);
        model.addAttribute("summary", summary);
        model.addAttribute("reference", points);
        model.addAttribute("trend", TrendChart.of(summary.nkiByYear(), points, 640, 260));
        model.addAttribute("kinds", KINDS);
        model.addAttribute("minimumN", Figure.MINIMUM_N);
        model.addAttribute("factorCodes", Questionnaire.FACTORS);
        return "dashboard/overview";
    }

    @GetMapping(value = "/personal/resultat/svar.csv", produces = "text/csv")
    void export(
            @RequestParam(name = "enkat", required = false) String kind,
            @RequestParam(name = "ar", required = false) String year,
            HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"svar.csv\"");
        var out = response.getOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // Excel reads UTF-8 by its byte order mark
        var writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
        var printer = CSVFormat.DEFAULT.builder().setDelimiter(';').get().print(writer);
        for (List<String> row : results.rows(filter(kind, year))) {
            printer.printRecord(
                    row.stream().map(StaffDashboardController::defused).toList());
        }
        printer.flush();
    }

    /** Enters a year of a reference series (again: corrects it). */
    @PostMapping("/personal/resultat/referens")
    String enterReference(
            @RequestParam(name = "kalla", required = false) String source,
            @RequestParam(name = "ar", required = false) String year,
            @RequestParam(name = "index", required = false) String index,
            RedirectAttributes redirect) {
        try {
            int y = Integer.parseInt(year.strip());
            double value = Double.parseDouble(index.strip().replace(',', '.'));
            if (source == null
                    || source.isBlank()
                    || source.length() > 100
                    || y < 1990
                    || y > 2100
                    || value < 0
                    || value > 100) {
                throw new IllegalArgumentException("out of range");
            }
            reference.enter(source.strip(), y, value);
            redirect.addFlashAttribute("message", "dashboard.reference.saved");
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("message", "dashboard.reference.invalid");
        }
        return "redirect:/personal/resultat";
    }

    private static Results.Filter filter(String kind, String year) {
        Integer y = null;
        if (year != null && year.strip().matches("\\d{4}")) {
            y = Integer.valueOf(year.strip());
        }
        return new Results.Filter(kind != null && KINDS.contains(kind) ? kind : null, y);
    }

    /** A cell a spreadsheet would read as a formula is written as text. */
    private static String defused(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
