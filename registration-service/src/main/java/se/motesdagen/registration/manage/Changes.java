package se.motesdagen.registration.manage;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import se.motesdagen.platform.outbox.FreshRead;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.programme.Question;
import se.motesdagen.registration.seats.Placement;
import se.motesdagen.registration.seats.Seats;
import se.motesdagen.registration.signup.AttendeeForm;
import se.motesdagen.registration.signup.ConfirmationToken;
import se.motesdagen.registration.signup.QuestionRules;
import se.motesdagen.registration.signup.Registration;
import se.motesdagen.registration.signup.RegistrationEvents;
import se.motesdagen.registration.signup.RegistrationRepository;
import se.motesdagen.registration.signup.SignupRules;
import se.motesdagen.registration.signup.SubmitOutcome.FieldProblem;

/**
 * What a company does with the manage link from its confirmation: see its registration, change who
 * comes, to which sessions and the visit wish, or cancel. The seats follow each change.
 */
@Service
public class Changes {

    private static final Logger log = LoggerFactory.getLogger(Changes.class);

    private final RegistrationRepository registrations;
    private final RegistrationEvents events;
    private final Programme programme;
    private final Seats seats;
    private final CancelledSeats cancelledSeats;
    private final MongoOperations mongo;
    private final Clock clock;
    private final MeterRegistry meters;

    Changes(
            RegistrationRepository registrations,
            RegistrationEvents events,
            Programme programme,
            Seats seats,
            CancelledSeats cancelledSeats,
            MongoOperations mongo,
            Clock clock,
            MeterRegistry meters) {
        this.registrations = registrations;
        this.events = events;
        this.programme = programme;
        this.seats = seats;
        this.cancelledSeats = cancelledSeats;
        this.mongo = mongo;
        this.clock = clock;
        this.meters = meters;
    }

    /** What the manage link stands for, changing nothing. */
    public ManageResult manage(String token) {
        return registrationByManageToken(token)
                .<ManageResult>map(registration -> switch (registration.getStatus()) {
                    case CANCELLED -> new ManageResult.AlreadyCancelled(registration);
                    default ->
                        clock.instant().isAfter(registration.getManageExpiresAt())
                                ? new ManageResult.Expired()
                                : new ManageResult.Found(
                                        registration,
                                        seats.placementsOf(registration.getDayId(), registration.getId()));
                })
                .orElseGet(ManageResult.UnknownLink::new);
    }

    /**
     * Cancels the registration of a manage link (the person pressed the button): the company's place
     * and its seats are given up at once, and the waiting lists move up.
     */
    public ManageResult cancel(String token) {
        for (int attempt = 0; ; attempt++) {
            Optional<Registration> found = registrationByManageToken(token);
            if (found.isEmpty()) {
                return new ManageResult.UnknownLink();
            }
            Registration registration = found.get();
            switch (registration.cancel(clock.instant())) {
                case ALREADY_CANCELLED -> {
                    return new ManageResult.AlreadyCancelled(registration);
                }
                case EXPIRED -> {
                    return new ManageResult.Expired();
                }
                case CANCELLED -> {
                    Day day = programme
                            .day(registration.getDayId())
                            .orElseThrow(() -> new IllegalStateException("registration for a missing event"));
                    events.cancelled(registration, day);
                    try {
                        Registration saved = registrations.save(registration);
                        // the registration first: if this process dies before the seats are given up, the
                        // cancelled-seats sweep finds the registration marked and gives them up then
                        cancelledSeats.release(day, saved.getId());
                        meters.counter("motesdagen.registrations.cancelled", "event", day.id())
                                .increment();
                        log.info("Registration {} cancelled", saved.getId());
                        return new ManageResult.Cancelled(saved);
                    } catch (OptimisticLockingFailureException e) {
                        // pressed twice at once, or the relay emptied the outbox meanwhile: read again
                        if (attempt >= 3) {
                            throw e;
                        }
                    }
                }
            }
        }
    }

    /**
     * A change from the manage link: who comes, to which sessions, the visit wish. Checked by the same
     * rules as the form. The registration is stored first, marked; then the seats follow (a new session
     * is a seat or the end of its line, a left one frees its seat for the line); then the change is
     * published as RegistrationUpdated and the mark cleared. A crash in between is finished by the sweep.
     */
    public ChangeOutcome change(String token, ChangeForm form) {
        Optional<Registration> found = registrationByManageToken(token);
        if (found.isEmpty()) {
            return new ChangeOutcome.NotChangeable();
        }
        Day day = programme
                .day(found.get().getDayId())
                .orElseThrow(() -> new IllegalStateException("registration for a missing event"));
        List<FieldProblem> problems = new ArrayList<>(SignupRules.checkAgainstProgramme(day, form));
        problems.addAll(answers(day, found.get(), form).problems());
        if (!problems.isEmpty()) {
            return new ChangeOutcome.Rejected(problems);
        }
        for (int attempt = 0; ; attempt++) {
            Registration registration = attempt == 0
                    ? found.get()
                    : registrations.findById(found.get().getId()).orElseThrow();
            List<String> changes = changes(registration, form);
            List<Registration.Answer> answers = kept(
                    registration,
                    day,
                    answers(day, registration, form).answers(),
                    changedParticipants(registration, form));
            // the same answers in another order (a removed question's come last now) are no change
            boolean answered = !new HashSet<>(answers).equals(new HashSet<>(registration.getAnswers()));
            if (changes.isEmpty() && !answered) {
                return new ChangeOutcome.Changed(registration.getId(), List.of());
            }
            if (changes.isEmpty()) {
                // only the answers: the other services keep none, so no RegistrationUpdated
                if (!registration.reanswer(answers, clock.instant())) {
                    return new ChangeOutcome.NotChangeable();
                }
                try {
                    registrations.save(registration);
                    log.info("Registration {} changed its answers", registration.getId());
                    return new ChangeOutcome.Changed(registration.getId(), List.of("answers"));
                } catch (OptimisticLockingFailureException e) {
                    if (attempt >= 3) {
                        throw e;
                    }
                    continue;
                }
            }
            if (!registration.change(
                    changedParticipants(registration, form),
                    SignupRules.visitRequest(form),
                    answers,
                    clock.instant())) {
                return new ChangeOutcome.NotChangeable();
            }
            try {
                registrations.save(registration);
                finishChange(registration.getId(), changes);
                meters.counter("motesdagen.registrations.changed", "event", day.id())
                        .increment();
                log.info("Registration {} changed: {}", registration.getId(), changes);
                return new ChangeOutcome.Changed(registration.getId(), changes);
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    /** What a manage-link change can come to. */
    public sealed interface ChangeOutcome {
        record Changed(String registrationId, List<String> changes) implements ChangeOutcome {}

        record Rejected(List<FieldProblem> problems) implements ChangeOutcome {}

        /** Unknown link, cancelled, erased or the day is over. */
        record NotChangeable() implements ChangeOutcome {}
    }

    /** The seats follow the stored change, then the change goes out; safe to do again. */
    void finishChange(String registrationId, List<String> changes) {
        FreshRead.retrying(() -> {
            Registration registration = registrations.findById(registrationId).orElseThrow();
            if (!registration.isSeatsToSync()) {
                return null;
            }
            Day day = programme.day(registration.getDayId()).orElseThrow();
            List<Placement> placements = seats.sync(day, registrationId, registration.sessionsByAttendee());
            registration.changeFinished();
            events.updated(registration, day, placements, changes);
            registrations.save(registration);
            return null;
        });
    }

    /** Finishes changes a crash interrupted between storing them and publishing them. */
    public void finishInterruptedChanges() {
        var query = new Query(Criteria.where("seatsToSync")
                .is(true)
                .and("changedAt")
                .lt(clock.instant().minus(Duration.ofMinutes(1))));
        query.fields().include("_id");
        for (Registration interrupted : mongo.find(query, Registration.class)) {
            finishChange(interrupted.getId(), List.of("attendees", "visitRequest"));
            log.info("Finished the interrupted change of registration {}", interrupted.getId());
        }
    }

    /** Which parts the change touches: "attendees" (people or sessions) and "visitRequest". */
    private static List<String> changes(Registration registration, ChangeForm form) {
        List<String> changes = new ArrayList<>();
        List<Registration.Participant> now = registration.getParticipants();
        List<Registration.Participant> then = changedParticipants(registration, form);
        if (!now.equals(then)) {
            changes.add("attendees");
        }
        if (!Objects.equals(registration.getVisitRequest(), SignupRules.visitRequest(form))) {
            changes.add("visitRequest");
        }
        return changes;
    }

    /** The answers as the form gives them, for the attendees as they will be numbered. */
    private static QuestionRules.Read answers(Day day, Registration registration, ChangeForm form) {
        return QuestionRules.read(
                day,
                form,
                changedParticipants(registration, form).stream()
                        .map(Registration.Participant::id)
                        .toList(),
                Locale.forLanguageTag(registration.getLanguage()));
    }

    /**
     * The new answers, where one is the same as before the stored one (with the wording it was given
     * to), and the answers to questions removed since, which the form no longer shows, kept.
     */
    private static List<Registration.Answer> kept(
            Registration registration,
            Day day,
            List<Registration.Answer> answers,
            List<Registration.Participant> participants) {
        Set<String> attendees = new HashSet<>();
        participants.forEach(p -> attendees.add(p.id()));
        List<Registration.Answer> kept = new ArrayList<>();
        for (Registration.Answer answer : answers) {
            kept.add(registration
                    .answer(answer.questionId(), answer.attendeeId())
                    .filter(before -> before.values().equals(answer.values()))
                    .orElse(answer));
        }
        for (Registration.Answer before : registration.getAnswers()) {
            boolean removed =
                    day.question(before.questionId()).map(Question::removed).orElse(true);
            if (removed && (before.attendeeId() == null || attendees.contains(before.attendeeId()))) {
                kept.add(before);
            }
        }
        return kept;
    }

    /** The attendees as changed: known ids keep theirs (and their seats and check-in), new ones get the next numbers. */
    private static List<Registration.Participant> changedParticipants(Registration registration, ChangeForm form) {
        Map<String, Registration.Participant> known = new HashMap<>();
        registration.getParticipants().forEach(p -> known.put(p.id(), p));
        int next = registration.getParticipants().stream()
                        .mapToInt(p -> Integer.parseInt(p.id()))
                        .max()
                        .orElse(0)
                + 1;
        List<Registration.Participant> changed = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (AttendeeForm attendee : form.getAttendees()) {
            Registration.Participant before = attendee.getId() == null ? null : known.get(attendee.getId());
            String id = before != null && used.add(before.id()) ? before.id() : Integer.toString(next++);
            changed.add(new Registration.Participant(
                    id,
                    attendee.getName().strip(),
                    SignupRules.blankToNull(attendee.getEmail()),
                    SignupRules.blankToNull(attendee.getRole()),
                    List.copyOf(new LinkedHashSet<>(attendee.getSessionIds())),
                    SignupRules.blankToNull(attendee.getNeeds()),
                    before != null && id.equals(before.id()) ? before.checkedInAt() : null));
        }
        return changed;
    }

    private Optional<Registration> registrationByManageToken(String token) {
        if (!ConfirmationToken.isWellFormed(token)) {
            return Optional.empty();
        }
        return registrations.findByManageLink(ConfirmationToken.hashOf(token));
    }
}
