package se.motesdagen.registration.signup;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.seats.Seats;

/** Staff list of registrations for a day (behind the staff login): search, a status filter and pages. */
@Controller
class StaffRegistrationController {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;
    private static final Pattern ORGANISATION_NUMBER_DIGITS = Pattern.compile("\\d{10}");

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MongoOperations mongo;
    private final Programme programme;
    private final Seats seats;
    private final MessageSource messages;

    StaffRegistrationController(MongoOperations mongo, Programme programme, Seats seats, MessageSource messages) {
        this.mongo = mongo;
        this.programme = programme;
        this.seats = seats;
        this.messages = messages;
    }

    /**
     * What staff search for: text (company, organisationsnummer, e-mail), status, a session, whether a
     * visit is wanted, and the order.
     */
    record Search(String q, Registration.Status status, String session, Boolean visit, String sort) {

        Sort order() {
            return switch (sort == null ? "" : sort) {
                case "company" -> Sort.by(Sort.Direction.ASC, "companySortKey");
                case "oldest" -> Sort.by(Sort.Direction.ASC, "submittedAt");
                case "status" -> Sort.by(Sort.Direction.ASC, "status").and(Sort.by(Sort.Direction.DESC, "submittedAt"));
                default -> Sort.by(Sort.Direction.DESC, "submittedAt");
            };
        }

        String text() {
            return q == null ? "" : q.strip();
        }
    }

    @GetMapping("/personal/anmalningar")
    String list(
            @RequestParam(required = false) String event,
            Search search,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size,
            Model model) {
        day(event).ifPresent(day -> {
            int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
            long all = mongo.count(Query.query(Criteria.where("eventId").is(day.id())), Registration.class);
            long confirmed = mongo.count(
                    Query.query(
                            Criteria.where("eventId").is(day.id()).and("status").is(Registration.Status.CONFIRMED)),
                    Registration.class);
            Query matching = Query.query(matching(day.id(), search));
            long found = mongo.count(matching, Registration.class);
            int pages = (int) Math.max(1, (found + pageSize - 1) / pageSize);
            int shown = Math.clamp(page, 0, pages - 1);
            matching.with(search.order()).skip((long) shown * pageSize).limit(pageSize);
            model.addAttribute("event", day);
            model.addAttribute("fill", seats.fill(day));
            model.addAttribute("registrations", mongo.find(matching, Registration.class));
            model.addAttribute("all", all);
            model.addAttribute("confirmed", confirmed);
            model.addAttribute("found", found);
            model.addAttribute("page", shown);
            model.addAttribute("pages", pages);
            model.addAttribute("size", pageSize);
            model.addAttribute("q", search.text());
            model.addAttribute("status", search.status());
            model.addAttribute("session", search.session());
            model.addAttribute("visit", search.visit());
            model.addAttribute("sort", search.sort());
        });
        return "registration/staff-list";
    }

    /** The same selection as the list, every page of it, as a file for Excel. */
    @GetMapping("/personal/anmalningar.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String event, Search search, Locale locale) {
        Day day = day(event).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Csv csv = new Csv();
        table(day, search, locale).forEach(csv::row);
        return download(csv.bytes(), "text/csv; charset=UTF-8", "anmalningar-" + day.id() + ".csv");
    }

    /**
     * The same as an Excel workbook: the registrations, and a second sheet with one row per attendee
     * (name tags, catering, the door list). Cells are text, never formulas.
     */
    @GetMapping("/personal/anmalningar.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String event, Search search, Locale locale)
            throws java.io.IOException {
        Day day = day(event).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var out = new java.io.ByteArrayOutputStream();
        var workbook = new org.dhatim.fastexcel.Workbook(out, "Mötesdagen", "1.0");
        sheet(workbook, messages.getMessage("staff.xlsx.registrations", null, locale), table(day, search, locale));
        sheet(workbook, messages.getMessage("staff.xlsx.attendees", null, locale), attendeeTable(day, search, locale));
        workbook.finish();
        return download(
                out.toByteArray(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "anmalningar-" + day.id() + ".xlsx");
    }

    private static void sheet(org.dhatim.fastexcel.Workbook workbook, String name, List<List<String>> rows) {
        var sheet = workbook.newWorksheet(name);
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                if (row.get(c) != null) {
                    sheet.inlineString(r, c, row.get(c));
                }
            }
        }
        sheet.range(0, 0, 0, rows.getFirst().size() - 1).style().bold().set();
        sheet.freezePane(0, 1);
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

    /** One row per registration, headed, oldest first: what both files hold. */
    private List<List<String>> table(Day day, Search search, Locale locale) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(Stream.of(
                        "company",
                        "orgnr",
                        "contact",
                        "email",
                        "phone",
                        "attendees",
                        "sessions",
                        "visitAddress",
                        "visitTopics",
                        "suggestion",
                        "status",
                        "submitted",
                        "confirmed")
                .map(column -> messages.getMessage("staff.csv." + column, null, locale))
                .toList());
        for (Registration r : registrations(day, search)) {
            rows.add(Arrays.asList(
                    r.getCompany().name(),
                    r.getCompany().soleTrader()
                            ? messages.getMessage("staff.soleTrader", null, locale)
                            : r.getCompany().organisationNumber(),
                    r.getContact().name(),
                    r.getContact().email(),
                    r.getContact().phone(),
                    String.valueOf(r.getAttendees()),
                    titles(day, r.getSessionIds()),
                    r.getVisitRequest() == null ? null : r.getVisitRequest().address(),
                    r.getVisitRequest() == null ? null : r.getVisitRequest().topics(),
                    r.getSuggestion(),
                    messages.getMessage("staff.status." + r.getStatus(), null, locale),
                    moment(r.getSubmittedAt()),
                    moment(r.getConfirmedAt())));
        }
        return rows;
    }

    /** One row per attendee of the registrations found. */
    private List<List<String>> attendeeTable(Day day, Search search, Locale locale) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(Stream.of("company", "attendee", "role", "email", "sessions", "needs", "status", "checkedIn")
                .map(column -> messages.getMessage("staff.xlsx." + column, null, locale))
                .toList());
        for (Registration r : registrations(day, search)) {
            for (Registration.Participant p : r.getParticipants()) {
                rows.add(Arrays.asList(
                        r.getCompany().name(),
                        p.name(),
                        p.role(),
                        p.email(),
                        titles(day, p.sessionIds()),
                        p.needs(),
                        messages.getMessage("staff.status." + r.getStatus(), null, locale),
                        moment(p.checkedInAt())));
            }
        }
        return rows;
    }

    private List<Registration> registrations(Day day, Search search) {
        return mongo.find(
                Query.query(matching(day.id(), search)).with(Sort.by(Sort.Direction.ASC, "submittedAt")),
                Registration.class);
    }

    private static String titles(Day day, List<String> sessionIds) {
        return sessionIds.stream()
                .map(id -> day.session(id).map(Day.Session::title).orElse(id))
                .collect(Collectors.joining(", "));
    }

    /** The day asked for, or else the next one. */
    private Optional<Day> day(String event) {
        return event != null ? programme.event(event) : programme.nextEvent();
    }

    private static String moment(Instant instant) {
        return instant == null ? null : MOMENT.format(instant.atZone(Day.ZONE));
    }

    /** The day's registrations that match the search. */
    private static Criteria matching(String dayId, Search search) {
        List<Criteria> all = new ArrayList<>(List.of(Criteria.where("eventId").is(dayId)));
        if (search.status() != null) {
            all.add(Criteria.where("status").is(search.status()));
        }
        if (search.session() != null && !search.session().isBlank()) {
            all.add(Criteria.where("sessionIds").is(search.session()));
        }
        if (search.visit() != null) {
            all.add(
                    search.visit()
                            ? Criteria.where("visitRequest").ne(null)
                            : Criteria.where("visitRequest").is(null));
        }
        String text = search.text();
        if (!text.isEmpty()) {
            String literal = Pattern.quote(text);
            List<Criteria> anyOf = new ArrayList<>(List.of(
                    Criteria.where("company.name").regex(literal, "i"),
                    Criteria.where("contact.email").regex(literal, "i"),
                    Criteria.where("company.organisationNumber").regex(literal)));
            String digits = text.replaceAll("[\\s-]", "");
            if (ORGANISATION_NUMBER_DIGITS.matcher(digits).matches()) {
                // written without the hyphen, or with spaces: the stored form is NNNNNN-NNNN
                anyOf.add(Criteria.where("company.organisationNumber")
                        .is(digits.substring(0, 6) + "-" + digits.substring(6)));
            }
            all.add(new Criteria().orOperator(anyOf));
        }
        return new Criteria().andOperator(all);
    }
}
