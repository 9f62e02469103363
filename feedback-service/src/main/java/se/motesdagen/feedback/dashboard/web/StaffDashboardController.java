package se.motesdagen.feedback.dashboard.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.motesdagen.feedback.dashboard.ReferencePoint;
import se.motesdagen.feedback.dashboard.ReferenceSeries;
import se.motesdagen.feedback.dashboard.Results;
import se.motesdagen.feedback.dashboard.TrendChart;
import se.motesdagen.feedback.nki.Figure;
import se.motesdagen.feedback.proposal.Proposal;
import se.motesdagen.feedback.proposal.Proposals;
import se.motesdagen.feedback.survey.Questionnaire;
import se.motesdagen.feedback.survey.SurveyDesigns;
import se.motesdagen.feedback.vote.Votes;
import se.motesdagen.platform.audit.Audited;
import se.motesdagen.platform.security.StaffMember;

/**
 * What businesses said, for staff: NKI with its interval and grade, the service factors, how answers
 * spread, the trend beside the reference series, response rates, and the free text with a search; every
 * chart has its table, and the answers export to CSV (anonymous unless contact was asked for).
 */
@Controller
class StaffDashboardController {

    static final List<String> KINDS = SurveyDesigns.KINDS;

    private final Results results;
    private final ReferenceSeries reference;
    private final Proposals proposals;
    private final Votes votes;

    StaffDashboardController(Results results, ReferenceSeries reference, Proposals proposals, Votes votes) {
        this.results = results;
        this.reference = reference;
        this.proposals = proposals;
        this.votes = votes;
    }

    /** A proposal on the shortlist or chosen, with its votes and what is done about it. */
    record ProposalLine(Proposal proposal, Integer votes) {}

    /** The shortlisted and chosen proposals, most votes first: the proposals board as the dashboard shows it. */
    private List<ProposalLine> proposalLines() {
        var counts = votes.latestCounts();
        return proposals.everything().stream()
                .filter(p -> p.getStatus() == Proposal.Status.SHORTLISTED || p.getStatus() == Proposal.Status.CHOSEN)
                .map(p -> new ProposalLine(p, counts.get(p.getId())))
                .sorted(Comparator.comparing((ProposalLine line) -> line.votes() == null ? -1 : line.votes())
                        .reversed())
                .toList();
    }

    @GetMapping("/personal/resultat")
    String overview(
            @RequestParam(name = "enkat", required = false) String kind,
            @RequestParam(name = "ar", required = false) String year,
            @RequestParam(name = "sok", required = false) String search,
            Model model) {
        Results.Filter filter = filter(kind, year);
        Results.Summary summary = results.summary(filter, search, seesContacts());
        List<ReferencePoint> points = reference.all();
        model.addAttribute("filter", filter);
        model.addAttribute("search", search);
        model.addAttribute("summary", summary);
        model.addAttribute("reference", points);
        model.addAttribute("trend", TrendChart.of(summary.nkiByYear(), points, 640, 260));
        model.addAttribute("kinds", KINDS);
        model.addAttribute("minimumN", Figure.MINIMUM_N);
        model.addAttribute("factorCodes", Questionnaire.FACTORS);
        model.addAttribute("proposalLines", proposalLines());
        model.addAttribute(
                "openProposals",
                proposals.everything().stream()
                        .filter(p -> p.getStatus() == Proposal.Status.OPEN)
                        .count());
        return "dashboard/overview";
    }

    /** The proposals board as a spreadsheet: each shortlisted or chosen proposal, votes and action. */
    @GetMapping(value = "/personal/resultat/forslag.csv", produces = "text/csv")
    void exportProposals(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"forslag.csv\"");
        var out = response.getOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        var printer = CSVFormat.DEFAULT.builder().setDelimiter(';').get().print(writer);
        for (List<String> row : proposalRows()) {
            printer.printRecord(
                    row.stream().map(StaffDashboardController::defused).toList());
        }
        printer.flush();
    }

    private List<List<String>> proposalRows() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("förslag", "område", "röster", "läge", "åtgärd", "ansvarig", "klart senast"));
        for (ProposalLine line : proposalLines()) {
            var p = line.proposal();
            var action = p.getAction();
            rows.add(List.of(
                    p.getText(),
                    p.getArea() == null ? "" : p.getArea(),
                    line.votes() == null ? "" : line.votes().toString(),
                    action == null ? "korta listan" : action.state(),
                    action == null ? "" : action.what(),
                    action == null ? "" : action.owner(),
                    action == null || action.due() == null ? "" : action.due().toString()));
        }
        return rows;
    }

    @Audited("answers.exported")
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
        var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        var printer = CSVFormat.DEFAULT.builder().setDelimiter(';').get().print(writer);
        for (List<String> row : results.rows(filter(kind, year), seesContacts())) {
            printer.printRecord(
                    row.stream().map(StaffDashboardController::defused).toList());
        }
        printer.flush();
    }

    /**
     * The same as an Excel workbook: a sheet of the figures (NKI and each factor with n and interval,
     * suppressed where too few answered) and a sheet of the answers. Cells are text or numbers, never
     * formulas.
     */
    @Audited("answers.exported")
    @GetMapping("/personal/resultat/svar.xlsx")
    void exportXlsx(
            @RequestParam(name = "enkat", required = false) String kind,
            @RequestParam(name = "ar", required = false) String year,
            HttpServletResponse response)
            throws IOException {
        Results.Filter filter = filter(kind, year);
        Results.Summary summary = results.summary(filter, null, seesContacts());
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"resultat.xlsx\"");
        var workbook = new Workbook(response.getOutputStream(), "Mötesdagen", "1.0");
        var figures = workbook.newWorksheet("Index");
        List<String> header = List.of("mått", "index", "lägst (95 %)", "högst (95 %)", "svar", "betyg");
        for (int c = 0; c < header.size(); c++) {
            figures.inlineString(0, c, header.get(c));
        }
        int row = 1;
        row = figureRow(figures, row, "NKI", summary.nki());
        for (var factor : summary.factors().entrySet()) {
            row = figureRow(figures, row, factor.getKey(), factor.getValue());
        }
        for (var area : summary.nkiByArea().entrySet()) {
            row = figureRow(figures, row, "NKI " + area.getKey(), area.getValue());
        }
        for (var day : summary.nkiByDay().entrySet()) {
            row = figureRow(figures, row, "NKI " + day.getKey(), day.getValue());
        }
        figures.range(0, 0, 0, header.size() - 1).style().bold().set();
        var answers = workbook.newWorksheet("Svar");
        List<List<String>> rows = results.rows(filter, seesContacts());
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                answers.inlineString(r, c, rows.get(r).get(c));
            }
        }
        answers.range(0, 0, 0, rows.getFirst().size() - 1).style().bold().set();
        answers.freezePane(0, 1);
        var board = workbook.newWorksheet("Förslag");
        List<List<String>> proposalRows = proposalRows();
        for (int r = 0; r < proposalRows.size(); r++) {
            for (int c = 0; c < proposalRows.get(r).size(); c++) {
                board.inlineString(r, c, proposalRows.get(r).get(c));
            }
        }
        board.range(0, 0, 0, proposalRows.getFirst().size() - 1).style().bold().set();
        workbook.finish();
    }

    private static int figureRow(Worksheet sheet, int row, String name, Figure figure) {
        sheet.inlineString(row, 0, name);
        sheet.value(row, 4, figure.n());
        if (!figure.suppressed()) {
            sheet.value(row, 1, Math.round(figure.index() * 10) / 10.0);
            sheet.value(row, 2, Math.round(figure.low() * 10) / 10.0);
            sheet.value(row, 3, Math.round(figure.high() * 10) / 10.0);
            sheet.inlineString(row, 5, figure.grade().label());
        } else {
            sheet.inlineString(row, 5, "för få svar");
        }
        return row + 1;
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

    /** Who asked to be contacted is personal data: for staff who plan, not for an analyst. */
    private static boolean seesContacts() {
        return StaffMember.current().map(StaffMember::plans).orElse(false);
    }
}
