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

    @GetMapping("/personal/anmalningar")
    String list(
            @RequestParam(required = false) String event,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Registration.Status status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size,
            Model model) {
        day(event).ifPresent(day -> {
            int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
            long all = mongo.count(Query.query(matching(day.id(), null, null)), Registration.class);
            long confirmed = mongo.count(
                    Query.query(matching(day.id(), null, Registration.Status.CONFIRMED)), Registration.class);
            Query matching = Query.query(matching(day.id(), q, status));
            long found = mongo.count(matching, Registration.class);
            int pages = (int) Math.max(1, (found + pageSize - 1) / pageSize);
            int shown = Math.clamp(page, 0, pages - 1);
            matching.with(Sort.by(Sort.Direction.DESC, "submittedAt"))
                    .skip((long) shown * pageSize)
                    .limit(pageSize);
            model.addAttribute("event", day);
            model.addAttribute("fill", seats.fill(day));
            model.addAttribute("registrations", mongo.find(matching, Registration.class));
            model.addAttribute("all", all);
            model.addAttribute("confirmed", confirmed);
            model.addAttribute("found", found);
            model.addAttribute("page", shown);
            model.addAttribute("pages", pages);
            model.addAttribute("size", pageSize);
            model.addAttribute("q", q == null ? "" : q.strip());
            model.addAttribute("status", status);
        });
        return "registration/staff-list";
    }

    /** The same selection as the list, every page of it, as a file for Excel. */
    @GetMapping("/personal/anmalningar.csv")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) String event,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Registration.Status status,
            Locale locale) {
        Day day = day(event).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Query matching = Query.query(matching(day.id(), q, status)).with(Sort.by(Sort.Direction.ASC, "submittedAt"));
        Csv csv = new Csv()
                .row(Stream.of(
                                "company",
                                "orgnr",
                                "contact",
                                "email",
                                "phone",
                                "attendees",
                                "sessions",
                                "visitAddress",
                                "visitTopics",
                                "status",
                                "submitted",
                                "confirmed")
                        .map(column -> messages.getMessage("staff.csv." + column, null, locale))
                        .toList());
        for (Registration r : mongo.find(matching, Registration.class)) {
            csv.row(Arrays.asList(
                    r.getCompany().name(),
                    r.getCompany().soleTrader()
                            ? messages.getMessage("staff.soleTrader", null, locale)
                            : r.getCompany().organisationNumber(),
                    r.getContact().name(),
                    r.getContact().email(),
                    r.getContact().phone(),
                    String.valueOf(r.getAttendees()),
                    r.getSessionIds().stream()
                            .map(id -> day.session(id).map(Day.Session::title).orElse(id))
                            .collect(Collectors.joining(", ")),
                    r.getVisitRequest() == null ? null : r.getVisitRequest().address(),
                    r.getVisitRequest() == null ? null : r.getVisitRequest().topics(),
                    messages.getMessage("staff.status." + r.getStatus(), null, locale),
                    moment(r.getSubmittedAt()),
                    moment(r.getConfirmedAt())));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("anmalningar-" + day.id() + ".csv")
                                .build()
                                .toString())
                .body(csv.bytes());
    }

    /** The day asked for, or else the next one. */
    private Optional<Day> day(String event) {
        return event != null ? programme.event(event) : programme.nextEvent();
    }

    private static String moment(Instant instant) {
        return instant == null ? null : MOMENT.format(instant.atZone(Day.ZONE));
    }

    /** The day's registrations, by status, whose company name, organisationsnummer or contact address contains q. */
    private static Criteria matching(String dayId, String q, Registration.Status status) {
        List<Criteria> all = new ArrayList<>(List.of(Criteria.where("eventId").is(dayId)));
        if (status != null) {
            all.add(Criteria.where("status").is(status));
        }
        String text = q == null ? "" : q.strip();
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
