package se.motesdagen.registration.signup;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.motesdagen.registration.programme.Programme;

/** Staff list of registrations for a day (behind the staff login): search, a status filter and pages. */
@Controller
class StaffRegistrationController {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;
    private static final Pattern ORGANISATION_NUMBER_DIGITS = Pattern.compile("\\d{10}");

    private final MongoOperations mongo;
    private final Programme programme;

    StaffRegistrationController(MongoOperations mongo, Programme programme) {
        this.mongo = mongo;
        this.programme = programme;
    }

    @GetMapping("/personal/anmalningar")
    String list(
            @RequestParam(required = false) String event,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Registration.Status status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size,
            Model model) {
        var chosen = event != null ? programme.event(event) : programme.nextEvent();
        chosen.ifPresent(day -> {
            int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
            Criteria ofTheDay = Criteria.where("eventId").is(day.id());
            long all = mongo.count(Query.query(ofTheDay), Registration.class);
            long confirmed = mongo.count(
                    Query.query(
                            Criteria.where("eventId").is(day.id()).and("status").is(Registration.Status.CONFIRMED)),
                    Registration.class);
            Query matching = Query.query(matching(day.id(), q, status));
            long found = mongo.count(matching, Registration.class);
            int pages = (int) Math.max(1, (found + pageSize - 1) / pageSize);
            int shown = Math.clamp(page, 0, pages - 1);
            matching.with(Sort.by(Sort.Direction.DESC, "submittedAt"))
                    .skip((long) shown * pageSize)
                    .limit(pageSize);
            model.addAttribute("event", day);
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
