package se.motesdagen.registration.access;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import se.motesdagen.platform.outbox.AccessAnswers.Held;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.signup.Registration;

/**
 * This service's part of an access request: each registration found, read out in Swedish the way the
 * person filled it in, with the sessions by name and the registration's history. The needs an attendee
 * gave (food, access) are theirs, so they are in it too.
 */
@Component
class RegistrationRecords {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    private final Programme programme;
    private final MessageSource messages;

    RegistrationRecords(Programme programme, MessageSource messages) {
        this.programme = programme;
        this.messages = messages;
    }

    List<Held> of(List<Registration> registrations) {
        return registrations.stream().map(this::of).toList();
    }

    private Held of(Registration r) {
        Optional<Day> day = programme.day(r.getDayId());
        Map<String, String> sessions = day.map(d -> d.sessions().stream()
                        .collect(Collectors.toMap(Day.Session::id, Day.Session::title, (a, b) -> a)))
                .orElse(Map.of());
        Function<List<String>, String> named =
                ids -> ids.stream().map(id -> sessions.getOrDefault(id, id)).collect(Collectors.joining(", "));
        Held.Builder held = Held.of("Anmälan", r.getId())
                .field("Dag", day.map(d -> d.name() + " (" + d.date() + ")").orElse(r.getDayId()))
                .field("Status", message("staff.status." + r.getStatus()))
                .field("Företag", r.getCompany().name())
                .field("Organisationsnummer", r.getCompany().organisationNumber())
                .field(
                        "Enskild firma",
                        r.getCompany().soleTrader() ? "ja (personnumret sparas inte, bara en nyckel)" : null)
                .field("Kontaktperson", r.getContact().name())
                .field("E-post", r.getContact().email())
                .field("Telefon", r.getContact().phone());
        if (r.getAddress() != null) {
            held.field(
                    "Adress",
                    String.join(
                            ", ",
                            Stream.of(
                                            r.getAddress().street(),
                                            r.getAddress().postalCode(),
                                            r.getAddress().town())
                                    .filter(part -> part != null && !part.isBlank())
                                    .toList()));
        }
        held.field("Bransch", r.getSniSection() == null ? null : message("sni." + r.getSniSection()))
                .field("Antal deltagare", r.getAttendees());
        for (Registration.Participant p : r.getParticipants()) {
            String who = "Deltagare " + p.id();
            held.field(who + ", namn", p.name())
                    .field(who + ", e-post", p.email())
                    .field(who + ", roll", p.role())
                    .field(who + ", pass", named.apply(p.sessionIds()))
                    .field(who + ", behov", p.needs())
                    .field(who + ", incheckad", p.checkedInAt());
            for (Registration.Answer answer : r.answersOf(p.id())) {
                held.field(who + ", " + answer.question(), answer.text());
            }
        }
        for (Registration.Answer answer : r.companyAnswers()) {
            held.field(answer.question(), answer.text());
        }
        if (r.getVisitRequest() != null) {
            held.field("Besöksönskemål, adress", r.getVisitRequest().address())
                    .field("Besöksönskemål, ämnen", r.getVisitRequest().topics());
        }
        held.field("Vill att kommunen ändrar", r.getSuggestion())
                .field("Språk", "en".equals(r.getLanguage()) ? "engelska" : "svenska")
                .field("Samtycke till behandlingen", r.getConsentedAt())
                .field("Skickad", r.getSubmittedAt())
                .field("Bekräftad", r.getConfirmedAt())
                .field("Avbokad", r.getCancelledAt())
                .field("Raderad", r.getErasedAt())
                .field(
                        "Historik",
                        r.getHistory().stream()
                                .map(h -> Held.minute(h.at()) + " " + message("staff.happening." + h.kind()))
                                .collect(Collectors.joining("\n")));
        return held.build();
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, SWEDISH);
    }
}
