package se.motesdagen.registration.overview;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.signup.Registration;

/** Staff's view of a day's registrations: one of them, a page of a search, or all the search finds. */
@Service
public class RegistrationSearch {

    private static final Pattern ORGANISATION_NUMBER_DIGITS = Pattern.compile("\\d{10}");

    private final MongoOperations mongo;

    RegistrationSearch(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * What staff search for: text (company, organisationsnummer, e-mail), status, a session, whether a
     * visit is wanted, an answer to one of the day's questions ({@code questionId=value}, of the
     * company or any attendee), and the order.
     */
    public record Search(
            String q, Registration.Status status, String session, Boolean visit, String answer, String sort) {

        Sort order() {
            return switch (sort == null ? "" : sort) {
                case "company" -> Sort.by(Sort.Direction.ASC, "companySortKey");
                case "oldest" -> Sort.by(Sort.Direction.ASC, "submittedAt");
                case "status" -> Sort.by(Sort.Direction.ASC, "status").and(Sort.by(Sort.Direction.DESC, "submittedAt"));
                default -> Sort.by(Sort.Direction.DESC, "submittedAt");
            };
        }

        public String text() {
            return q == null ? "" : q.strip();
        }
    }

    /**
     * One page of what the search finds, with the day's counts.
     *
     * @param page the page shown, counted from 0 (the last one when a later one was asked for)
     */
    public record Found(
            List<Registration> registrations, long all, long confirmed, long found, int page, int pages, int size) {}

    public Optional<Registration> registration(String id) {
        return Optional.ofNullable(mongo.findById(id, Registration.class));
    }

    public Found page(Day day, Search search, int page, int pageSize) {
        long all = mongo.count(Query.query(Criteria.where("dayId").is(day.id())), Registration.class);
        long confirmed = mongo.count(
                Query.query(Criteria.where("dayId").is(day.id()).and("status").is(Registration.Status.CONFIRMED)),
                Registration.class);
        Query matching = Query.query(matching(day.id(), search));
        long found = mongo.count(matching, Registration.class);
        int pages = (int) Math.max(1, (found + pageSize - 1) / pageSize);
        int shown = Math.clamp(page, 0, pages - 1);
        matching.with(search.order()).skip((long) shown * pageSize).limit(pageSize);
        return new Found(mongo.find(matching, Registration.class), all, confirmed, found, shown, pages, pageSize);
    }

    /** Everything the search finds, oldest first: what the files hold. */
    public List<Registration> all(Day day, Search search) {
        return mongo.find(
                Query.query(matching(day.id(), search)).with(Sort.by(Sort.Direction.ASC, "submittedAt")),
                Registration.class);
    }

    /** The day's registrations that match the search. */
    private static Criteria matching(String dayId, Search search) {
        List<Criteria> all = new ArrayList<>(List.of(Criteria.where("dayId").is(dayId)));
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
        if (search.answer() != null && search.answer().contains("=")) {
            int at = search.answer().indexOf('=');
            all.add(Criteria.where("answers")
                    .elemMatch(Criteria.where("questionId")
                            .is(search.answer().substring(0, at))
                            .and("values")
                            .is(search.answer().substring(at + 1))));
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
