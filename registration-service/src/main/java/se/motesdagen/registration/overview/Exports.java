package se.motesdagen.registration.overview;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import se.motesdagen.registration.overview.RegistrationSearch.Search;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Question;
import se.motesdagen.registration.signup.Registration;

/** A search's registrations as files for Excel: CSV, and a workbook with a sheet of attendees too. */
@Component
public class Exports {

    private static final Locale SWEDISH = Locale.of("sv");

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final RegistrationSearch search;
    private final MessageSource messages;

    Exports(RegistrationSearch search, MessageSource messages) {
        this.search = search;
        this.messages = messages;
    }

    public byte[] csv(Day day, Search search, Locale locale) {
        Csv csv = new Csv();
        table(day, search, locale).forEach(csv::row);
        return csv.bytes();
    }

    /**
     * The registrations, and a second sheet with one row per attendee (name tags, catering, the door
     * list). Cells are text, never formulas.
     */
    public byte[] xlsx(Day day, Search search, Locale locale) throws IOException {
        var out = new ByteArrayOutputStream();
        var workbook = new Workbook(out, "Mötesdagen", "1.0");
        sheet(workbook, messages.getMessage("staff.xlsx.registrations", null, locale), table(day, search, locale));
        sheet(workbook, messages.getMessage("staff.xlsx.attendees", null, locale), attendeeTable(day, search, locale));
        workbook.finish();
        return out.toByteArray();
    }

    private static void sheet(Workbook workbook, String name, List<List<String>> rows) {
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
                .collect(Collectors.toCollection(ArrayList::new)));
        rows.getFirst().addAll(headings(day.questions(), locale));
        for (Registration r : this.search.all(day, search)) {
            List<String> row = new ArrayList<>(Arrays.asList(
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
            for (Question question : day.questions()) {
                row.add(
                        question.forAttendees()
                                ? everyAttendeesAnswer(r, question)
                                : answerText(question, r.answer(question.id(), null)));
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * A column per question of the day, removed ones too (their answers stay): the question in Swedish,
     * marked when it is removed.
     */
    private List<String> headings(List<Question> questions, Locale locale) {
        return questions.stream()
                .map(q -> q.removed()
                        ? q.textSv() + " " + messages.getMessage("staff.csv.removedQuestion", null, locale)
                        : q.textSv())
                .toList();
    }

    /** An attendee question in the one row of its registration: "Name: answer; Name: answer". */
    private static String everyAttendeesAnswer(Registration registration, Question question) {
        String answers = registration.getParticipants().stream()
                .flatMap(p -> registration.answer(question.id(), p.id()).stream()
                        .map(a -> p.nameOr("#" + p.id()) + ": " + answerText(question, Optional.of(a))))
                .collect(Collectors.joining("; "));
        return answers.isEmpty() ? null : answers;
    }

    /**
     * The answer as staff read it: a choice or yes/no in Swedish while the choice is still there (so an
     * English registrant's answer sorts with the others), else the answer as it was given.
     */
    static String answerText(Question question, Optional<Registration.Answer> answer) {
        if (answer.isEmpty()) {
            return null;
        }
        if (!question.kind().hasChoices() && question.kind() != Question.Kind.YES_NO) {
            return answer.get().text();
        }
        boolean allKnown = answer.get().values().stream()
                .allMatch(v -> question.kind() == Question.Kind.YES_NO
                        || question.choice(v).isPresent());
        return allKnown
                ? answer.get().values().stream()
                        .map(v -> question.label(v, SWEDISH))
                        .collect(Collectors.joining(", "))
                : answer.get().text();
    }

    /** One row per attendee of the registrations found. */
    private List<List<String>> attendeeTable(Day day, Search search, Locale locale) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(Stream.of("company", "attendee", "role", "email", "sessions", "needs", "status", "checkedIn")
                .map(column -> messages.getMessage("staff.xlsx." + column, null, locale))
                .collect(Collectors.toCollection(ArrayList::new)));
        List<Question> attendeeQuestions =
                day.questions().stream().filter(Question::forAttendees).toList();
        rows.getFirst().addAll(headings(attendeeQuestions, locale));
        for (Registration r : this.search.all(day, search)) {
            for (Registration.Participant p : r.getParticipants()) {
                List<String> row = new ArrayList<>(Arrays.asList(
                        r.getCompany().name(),
                        p.name(),
                        p.role(),
                        p.email(),
                        titles(day, p.sessionIds()),
                        p.needs(),
                        messages.getMessage("staff.status." + r.getStatus(), null, locale),
                        moment(p.checkedInAt())));
                for (Question question : attendeeQuestions) {
                    row.add(answerText(question, r.answer(question.id(), p.id())));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static String titles(Day day, List<String> sessionIds) {
        return sessionIds.stream()
                .map(id -> day.session(id).map(Day.Session::title).orElse(id))
                .collect(Collectors.joining(", "));
    }

    private static String moment(Instant instant) {
        return instant == null ? null : MOMENT.format(instant.atZone(Day.ZONE));
    }
}
