package se.motesdagen.registration.signup;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.seats.Placement;
import se.motesdagen.registration.seats.Seats;
import se.motesdagen.registration.signup.SubmitOutcome.Accepted;
import se.motesdagen.registration.signup.SubmitOutcome.FieldProblem;
import se.motesdagen.registration.signup.SubmitOutcome.Rejected;

/** Takes registrations in and confirms them. Each change is one document write with its events. */
@Service
public class RegistrationService {

    private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);

    private final RegistrationRepository registrations;
    private final RegistrationEvents events;
    private final CompanyIdentity identity;
    private final Programme programme;
    private final Seats seats;
    private final CancelledSeats cancelledSeats;
    private final org.springframework.data.mongodb.core.MongoOperations mongo;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String publicBaseUrl;
    private final Duration confirmationValidFor;

    RegistrationService(
            RegistrationRepository registrations,
            RegistrationEvents events,
            CompanyIdentity identity,
            Programme programme,
            Seats seats,
            CancelledSeats cancelledSeats,
            org.springframework.data.mongodb.core.MongoOperations mongo,
            Clock clock,
            MeterRegistry meters,
            @Value("${motesdagen.public-base-url}") String publicBaseUrl,
            @Value("${motesdagen.registration.confirmation-valid-for:P7D}") Duration confirmationValidFor) {
        this.registrations = registrations;
        this.events = events;
        this.identity = identity;
        this.programme = programme;
        this.seats = seats;
        this.cancelledSeats = cancelledSeats;
        this.mongo = mongo;
        this.clock = clock;
        this.meters = meters;
        this.publicBaseUrl = publicBaseUrl;
        this.confirmationValidFor = confirmationValidFor;
    }

    /** Stores a pending registration and its RegistrationSubmitted event, or says what is wrong. */
    public SubmitOutcome submit(Day event, RegistrationForm form, String language) {
        Day.Registering registering = event.registering(clock.instant());
        if (registering != Day.Registering.OPEN) {
            return new SubmitOutcome.NotOpen(registering);
        }
        List<FieldProblem> problems = checkAgainstProgramme(event, form);
        Registration.Company company = company(form);
        // No "already registered" here: that would tell anyone who types a public organisationsnummer
        // whether the company takes part, and a pending registration must not keep the company out.
        // One confirmed registration per company is held when confirming (Registration#companyPlace).
        if (!problems.isEmpty()) {
            return new Rejected(problems);
        }
        Optional<Registration> registered =
                registrations.findByCompanyPlace(Registration.companyPlace(event.id(), company.identityKey()));
        if (registered.isPresent()) {
            // no second registration: the registered contact gets the manage link, and the answer is the
            // same as for any new submission, so it tells nobody that (or by whom) the company is registered
            return sendManageLinkInstead(event, registered.get());
        }
        Instant now = clock.instant();
        ConfirmationToken token = ConfirmationToken.issue(now, confirmationValidFor);
        Registration registration = fromForm(event, company, form, language, now, token);
        registration.record(events.submitted(registration, event, confirmationUrl(token)));
        // the places first: a crash before the insert leaves places for a registration that never was,
        // which the seats drop when their hold runs out; the other order could lose a stored one's seats
        seats.claim(event, registration.getId(), registration.sessionsByAttendee());
        registrations.insert(registration);
        meters.counter("motesdagen.registrations.submitted", "event", event.id())
                .increment();
        log.info("Registration {} submitted for {}", registration.getId(), event.id());
        return new Accepted(registration.getId());
    }

    /** A new registration as the form describes it, the same whether the company or staff filled it in. */
    private Registration fromForm(
            Day event,
            Registration.Company company,
            RegistrationForm form,
            String language,
            Instant now,
            ConfirmationToken token) {
        Registration registration = new Registration(
                UUID.randomUUID().toString(),
                event.id(),
                company,
                new Registration.Contact(
                        form.getContactName().strip(), form.getEmail().strip(), blankToNull(form.getPhone())),
                participants(form),
                visitRequest(form),
                language,
                now,
                token);
        registration.describe(address(form), form.getSniSection(), blankToNull(form.getSuggestion()));
        return registration;
    }

    /**
     * A registration staff take by phone, by the same rules as the form, confirmed at once (the contact
     * gets the confirmation with the manage link, not a confirm link). Staff see when the company is
     * already registered. The registration times do not bind staff.
     */
    public SubmitOutcome registerByStaff(Day event, RegistrationForm form, String language, String by) {
        List<FieldProblem> problems = checkAgainstProgramme(event, form);
        if (!problems.isEmpty()) {
            return new Rejected(problems);
        }
        Registration.Company company = company(form);
        String identityField = form.isSoleTrader() ? "personalIdentityNumber" : "organisationNumber";
        Rejected alreadyRegistered =
                new Rejected(List.of(new FieldProblem(identityField, "registration.staff.alreadyRegistered")));
        if (registrations
                .findByCompanyPlace(Registration.companyPlace(event.id(), company.identityKey()))
                .isPresent()) {
            return alreadyRegistered;
        }
        Instant now = clock.instant();
        Registration registration =
                fromForm(event, company, form, language, now, ConfirmationToken.issue(now, confirmationValidFor));
        ConfirmationToken manageToken = ConfirmationToken.issue(now, untilTheDayIsOver(event));
        registration.confirmByStaff(now, manageToken, by);
        List<Placement> placements = seats.confirm(event, registration.getId(), registration.sessionsByAttendee());
        registration.record(events.confirmed(registration, event, placements, manageUrl(manageToken)));
        try {
            registrations.insert(registration);
        } catch (DuplicateKeyException confirmedMeanwhile) {
            seats.release(event, registration.getId());
            return alreadyRegistered;
        }
        meters.counter("motesdagen.registrations.confirmed", "event", event.id())
                .increment();
        log.info("Registration {} taken by staff", registration.getId());
        return new Accepted(registration.getId());
    }

    private SubmitOutcome sendManageLinkInstead(Day event, Registration found) {
        Instant now = clock.instant();
        for (int attempt = 0; ; attempt++) {
            Registration registration =
                    attempt == 0 ? found : registrations.findById(found.getId()).orElseThrow();
            ConfirmationToken manageToken = ConfirmationToken.issue(now, untilTheDayIsOver(event));
            if (registration.reissueManageLink(manageToken, now)) {
                registration.record(events.manageLinkSent(registration, event, manageUrl(manageToken), now));
                try {
                    registrations.save(registration);
                } catch (OptimisticLockingFailureException e) {
                    // the relay emptied the outbox meanwhile: read again
                    if (attempt < 3) {
                        continue;
                    }
                    throw e;
                }
            }
            break;
        }
        MergedSubmission merged =
                new MergedSubmission(UUID.randomUUID().toString(), event.id(), now, now.plus(confirmationValidFor));
        mongo.insert(merged);
        meters.counter("motesdagen.registrations.registered-again", "event", event.id())
                .increment();
        log.info("A submission for the company of registration {} sent its manage link instead", found.getId());
        return new Accepted(merged.id());
    }

    /** Where a registration stands, for the API's status resource: nothing personal. */
    public Optional<RegistrationStatus> status(String eventId, String registrationId) {
        Optional<RegistrationStatus> registered = registrations
                .findById(registrationId)
                .filter(r -> r.getEventId().equals(eventId))
                .map(r -> new RegistrationStatus(r.getId(), r.getEventId(), r.getStatus(), r.getSubmittedAt()));
        if (registered.isPresent()) {
            return registered;
        }
        // a submission that went to the registered contact answers as an unconfirmed one would
        return Optional.ofNullable(mongo.findById(registrationId, MergedSubmission.class))
                .filter(m -> m.eventId().equals(eventId) && m.expiresAt().isAfter(clock.instant()))
                .map(m -> new RegistrationStatus(m.id(), m.eventId(), Registration.Status.PENDING, m.submittedAt()));
    }

    /** The state of a registration without anything that names a person or a company. */
    public record RegistrationStatus(
            String registrationId, String eventId, Registration.Status status, Instant submittedAt) {}

    /**
     * What the link stands for, changing nothing: mail scanners open every link in a message, so
     * opening the link only shows the button that confirms.
     */
    public ConfirmResult look(String token) {
        if (!ConfirmationToken.isWellFormed(token)) {
            return new ConfirmResult.UnknownLink();
        }
        return registrations
                .findByConfirmationTokenHash(ConfirmationToken.hashOf(token))
                .<ConfirmResult>map(registration -> {
                    if (registration.getStatus() == Registration.Status.CANCELLED) {
                        return new ConfirmResult.Cancelled(
                                registration.getCompany().name());
                    }
                    if (registration.getStatus() == Registration.Status.CONFIRMED) {
                        return new ConfirmResult.AlreadyConfirmed(
                                registration, seats.placementsOf(registration.getEventId(), registration.getId()));
                    }
                    if (clock.instant().isAfter(registration.getConfirmationExpiresAt())) {
                        return new ConfirmResult.Expired(registration.getEventId());
                    }
                    return new ConfirmResult.AwaitingConfirmation(registration);
                })
                .orElseGet(ConfirmResult.UnknownLink::new);
    }

    /** Confirms the registration a link belongs to (the person pressed the button); a second time changes nothing. */
    public ConfirmResult confirm(String token) {
        if (!ConfirmationToken.isWellFormed(token)) {
            return new ConfirmResult.UnknownLink();
        }
        for (int attempt = 0; ; attempt++) {
            Optional<Registration> found = registrations.findByConfirmationTokenHash(ConfirmationToken.hashOf(token));
            if (found.isEmpty()) {
                return new ConfirmResult.UnknownLink();
            }
            Registration registration = found.get();
            Day event = programme
                    .event(registration.getEventId())
                    .orElseThrow(() -> new IllegalStateException("registration for a missing event"));
            ConfirmationToken manageToken = ConfirmationToken.issue(clock.instant(), untilTheDayIsOver(event));
            switch (registration.confirm(clock.instant(), manageToken)) {
                case ALREADY_CONFIRMED -> {
                    if (registration.getStatus() == Registration.Status.CANCELLED) {
                        return new ConfirmResult.Cancelled(
                                registration.getCompany().name());
                    }
                    return new ConfirmResult.AlreadyConfirmed(
                            registration, seats.placementsOf(registration.getEventId(), registration.getId()));
                }
                case EXPIRED -> {
                    return new ConfirmResult.Expired(registration.getEventId());
                }
                case CONFIRMED -> {
                    // the seats first, so the event says who has a seat and who waits; if the registration's
                    // write below never happens, the sweep finds the registration unconfirmed and frees them
                    List<Placement> placements =
                            seats.confirm(event, registration.getId(), registration.sessionsByAttendee());
                    registration.record(events.confirmed(registration, event, placements, manageUrl(manageToken)));
                    try {
                        // fails on the unique company place when the company already has a confirmed registration
                        Registration saved = registrations.save(registration);
                        meters.counter("motesdagen.registrations.confirmed", "event", event.id())
                                .increment();
                        log.info("Registration {} confirmed", saved.getId());
                        return new ConfirmResult.Confirmed(saved, placements);
                    } catch (DuplicateKeyException companyConfirmedBefore) {
                        log.info(
                                "Registration {} not confirmed: the company is already registered",
                                registration.getId());
                        seats.release(event, registration.getId());
                        return new ConfirmResult.CompanyAlreadyRegistered(
                                registration.getCompany().name());
                    } catch (OptimisticLockingFailureException e) {
                        // opened twice at the same moment, or the relay emptied the outbox meanwhile: read again
                        if (attempt >= 3) {
                            throw e;
                        }
                    }
                }
            }
        }
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
                                        seats.placementsOf(registration.getEventId(), registration.getId()));
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
                    Day event = programme
                            .event(registration.getEventId())
                            .orElseThrow(() -> new IllegalStateException("registration for a missing event"));
                    registration.record(events.cancelled(registration, event));
                    try {
                        Registration saved = registrations.save(registration);
                        // the registration first: if this process dies before the seats are given up, the
                        // cancelled-seats sweep finds the registration marked and gives them up then
                        cancelledSeats.release(event, saved.getId());
                        meters.counter("motesdagen.registrations.cancelled", "event", event.id())
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

    /** Staff mark an attendee as present; publishes AttendanceRecorded once per attendee. */
    public Registration.CheckInOutcome checkIn(String registrationId, String attendeeId, String by) {
        return afresh(() -> {
            Registration registration = registrations
                    .findById(registrationId)
                    .orElseThrow(() -> new IllegalArgumentException("no registration " + registrationId));
            Instant now = clock.instant();
            Registration.CheckInOutcome outcome = registration.checkIn(attendeeId, now, by);
            if (outcome != Registration.CheckInOutcome.CHECKED_IN) {
                return outcome;
            }
            Day event = programme
                    .event(registration.getEventId())
                    .orElseThrow(() -> new IllegalStateException("registration for a missing event"));
            registration.record(events.attendanceRecorded(registration, event, attendeeId, now));
            registrations.save(registration);
            meters.counter("motesdagen.registrations.checked-in", "event", event.id())
                    .increment();
            log.info("Registration {}: attendee {} checked in", registrationId, attendeeId);
            return outcome;
        });
    }

    /**
     * Removes the registration's personal data (GDPR art. 17, or the retention period), logs it in the
     * timeline and publishes RegistrationErased so every other service removes its copy. False if done
     * before. Events still waiting in the outbox name the person, so they are dropped, not sent.
     */
    public boolean erase(String registrationId, String reason) {
        return afresh(() -> {
            Registration registration = registrations
                    .findById(registrationId)
                    .orElseThrow(() -> new IllegalArgumentException("no registration " + registrationId));
            if (!registration.erase(clock.instant(), reason)) {
                return false;
            }
            registration.clearUnpublished();
            registration.record(events.erased(registration, reason));
            Registration saved = registrations.save(registration);
            programme.event(saved.getEventId()).ifPresent(day -> cancelledSeats.release(day, saved.getId()));
            meters.counter("motesdagen.registrations.erased", "reason", reason).increment();
            log.info("Registration {} erased ({})", registrationId, reason);
            return true;
        });
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
        Day event = programme
                .event(found.get().getEventId())
                .orElseThrow(() -> new IllegalStateException("registration for a missing event"));
        List<FieldProblem> problems = checkAgainstProgramme(event, form);
        if (!problems.isEmpty()) {
            return new ChangeOutcome.Rejected(problems);
        }
        for (int attempt = 0; ; attempt++) {
            Registration registration = attempt == 0
                    ? found.get()
                    : registrations.findById(found.get().getId()).orElseThrow();
            List<String> changes = changes(registration, form);
            if (changes.isEmpty()) {
                return new ChangeOutcome.Changed(registration.getId(), List.of());
            }
            if (!registration.change(changedParticipants(registration, form), visitRequest(form), clock.instant())) {
                return new ChangeOutcome.NotChangeable();
            }
            try {
                registrations.save(registration);
                finishChange(registration.getId(), changes);
                meters.counter("motesdagen.registrations.changed", "event", event.id())
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
        afresh(() -> {
            Registration registration = registrations.findById(registrationId).orElseThrow();
            if (!registration.isSeatsToSync()) {
                return null;
            }
            Day event = programme.event(registration.getEventId()).orElseThrow();
            List<Placement> placements = seats.sync(event, registrationId, registration.sessionsByAttendee());
            registration.changeFinished(events.updated(registration, event, placements, changes));
            registrations.save(registration);
            return null;
        });
    }

    /** Finishes changes a crash interrupted between storing them and publishing them. */
    @org.springframework.scheduling.annotation.Scheduled(
            fixedDelayString = "${motesdagen.registration.seat-sweep-interval:PT1M}",
            initialDelayString = "PT50S")
    void finishInterruptedChanges() {
        var query = new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("seatsToSync")
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
        if (!java.util.Objects.equals(registration.getVisitRequest(), visitRequest(form))) {
            changes.add("visitRequest");
        }
        return changes;
    }

    /** The attendees as changed: known ids keep theirs (and their seats and check-in), new ones get the next numbers. */
    private static List<Registration.Participant> changedParticipants(Registration registration, ChangeForm form) {
        java.util.Map<String, Registration.Participant> known = new java.util.HashMap<>();
        registration.getParticipants().forEach(p -> known.put(p.id(), p));
        int next = registration.getParticipants().stream()
                        .mapToInt(p -> Integer.parseInt(p.id()))
                        .max()
                        .orElse(0)
                + 1;
        List<Registration.Participant> changed = new ArrayList<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (AttendeeForm attendee : form.getAttendees()) {
            Registration.Participant before = attendee.getId() == null ? null : known.get(attendee.getId());
            String id = before != null && used.add(before.id()) ? before.id() : Integer.toString(next++);
            changed.add(new Registration.Participant(
                    id,
                    attendee.getName().strip(),
                    blankToNull(attendee.getEmail()),
                    blankToNull(attendee.getRole()),
                    List.copyOf(new LinkedHashSet<>(attendee.getSessionIds())),
                    blankToNull(attendee.getNeeds()),
                    before != null && id.equals(before.id()) ? before.checkedInAt() : null));
        }
        return changed;
    }

    private static Registration.VisitRequest visitRequest(AttendeesAndVisit form) {
        return form.isWantsVisit()
                ? new Registration.VisitRequest(
                        form.getVisitAddress().strip(),
                        visitTopics(form),
                        form.getVisitAreas().stream().distinct().toList(),
                        form.getVisitWindows().stream().distinct().toList(),
                        isBlank(form.getVisitMeets())
                                ? null
                                : form.getVisitMeets().strip())
                : null;
    }

    /**
     * Does a read-decide-write step again, on what is stored now, when another write (another request,
     * another instance, the outbox relay emptying the outbox) came between its read and its write.
     */
    private static <T> T afresh(java.util.function.Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (OptimisticLockingFailureException anotherWriteCameFirst) {
                if (attempt >= 4) {
                    throw anotherWriteCameFirst;
                }
            }
        }
    }

    private Optional<Registration> registrationByManageToken(String token) {
        if (!ConfirmationToken.isWellFormed(token)) {
            return Optional.empty();
        }
        return registrations.findByManageTokenHash(ConfirmationToken.hashOf(token));
    }

    /** A manage link works until the day is over (Stockholm time); a moment when the day has passed. */
    private Duration untilTheDayIsOver(Day day) {
        Instant end = day.date().plusDays(1).atStartOfDay(Day.ZONE).toInstant();
        Duration left = Duration.between(clock.instant(), end);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private String manageUrl(ConfirmationToken token) {
        return UriComponentsBuilder.fromUriString(publicBaseUrl)
                .path("/anmalan/hantera")
                .queryParam("token", token.value())
                .build()
                .toUriString();
    }

    /**
     * A new confirm link, by e-mail, for each registration of this day that the address submitted and
     * nobody has confirmed yet (expired ones included). The caller says the same whatever is found, so
     * the answer tells nobody whether an address registered; the notification service caps how many
     * confirm e-mails an address gets a day, so this cannot be used to flood an inbox.
     */
    public int resendConfirmation(Day event, String email) {
        int sent = 0;
        for (Registration found :
                registrations.findByEventIdAndContactEmailKey(event.id(), Registration.emailKey(email))) {
            for (int attempt = 0; ; attempt++) {
                Registration registration = attempt == 0
                        ? found
                        : registrations.findById(found.getId()).orElseThrow();
                ConfirmationToken token = ConfirmationToken.issue(clock.instant(), confirmationValidFor);
                if (!registration.reissueConfirmation(token, clock.instant())) {
                    break;
                }
                registration.record(events.submitted(registration, event, confirmationUrl(token)));
                try {
                    registrations.save(registration);
                    sent++;
                    log.info("Registration {}: confirm link sent again", registration.getId());
                    break;
                } catch (OptimisticLockingFailureException e) {
                    // the relay emptied the outbox meanwhile: read again
                    if (attempt >= 3) {
                        throw e;
                    }
                }
            }
        }
        meters.counter("motesdagen.registrations.confirmation.resent", "event", event.id())
                .increment(sent);
        return sent;
    }

    private Registration.Company company(RegistrationForm form) {
        String name = form.getCompanyName().strip();
        if (form.isSoleTrader()) {
            PersonalIdentityNumber owner = PersonalIdentityNumber.parse(
                            form.getPersonalIdentityNumber(), LocalDate.now(clock.withZone(Day.ZONE)))
                    .orElseThrow(() -> new IllegalArgumentException("validate the form before submitting it"));
            return new Registration.Company(name, null, true, identity.of(owner));
        }
        OrganisationNumber orgNr = OrganisationNumber.parse(form.getOrganisationNumber())
                .orElseThrow(() -> new IllegalArgumentException("validate the form before submitting it"));
        return new Registration.Company(name, orgNr.value(), false, identity.of(orgNr));
    }

    private static List<FieldProblem> checkAgainstProgramme(Day event, AttendeesAndVisit form) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < form.getAttendees().size(); i++) {
            List<String> chosen = form.getAttendees().get(i).getSessionIds();
            String field = "attendees[" + i + "].sessionIds";
            if (chosen.stream().anyMatch(id -> event.session(id).isEmpty())) {
                problems.add(new FieldProblem(field, "registration.sessions.unknown"));
            } else if (overlapping(chosen.stream()
                    .distinct()
                    .map(id -> event.session(id).orElseThrow())
                    .toList())) {
                problems.add(new FieldProblem(field, "registration.sessions.overlap"));
            }
        }
        if (event.isVisitsOnly() && !form.isWantsVisit()) {
            problems.add(new FieldProblem("wantsVisit", "registration.visitsOnly.visitRequired"));
        }
        if (form.isWantsVisit()) {
            if (isBlank(form.getVisitAddress())) {
                problems.add(new FieldProblem("visitAddress", "registration.visitAddress.required"));
            }
            if (isBlank(form.getVisitTopics()) && form.getVisitAreas().isEmpty()) {
                problems.add(new FieldProblem("visitTopics", "registration.visitTopics.required"));
            }
        }
        return problems;
    }

    /** Whether any two of the sessions run at the same time: nobody attends two at once. */
    private static boolean overlapping(List<Day.Session> sessions) {
        for (int i = 0; i < sessions.size(); i++) {
            for (int j = i + 1; j < sessions.size(); j++) {
                Day.Session a = sessions.get(i);
                Day.Session b = sessions.get(j);
                if (a.startsAt().isBefore(b.endsAt()) && b.startsAt().isBefore(a.endsAt())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What the visit is about in words: the free text, or else the areas ticked. */
    private static String visitTopics(AttendeesAndVisit form) {
        if (!isBlank(form.getVisitTopics())) {
            return form.getVisitTopics().strip();
        }
        return form.getVisitAreas().stream()
                .distinct()
                .map(VisitArea::code)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static Registration.Address address(RegistrationForm form) {
        if (isBlank(form.getStreet()) && isBlank(form.getPostalCode()) && isBlank(form.getTown())) {
            return null;
        }
        String postalCode = blankToNull(form.getPostalCode());
        return new Registration.Address(
                blankToNull(form.getStreet()),
                postalCode == null ? null : postalCode.replace(" ", "").replaceFirst("^(\\d{3})", "$1 "),
                blankToNull(form.getTown()));
    }

    private static List<Registration.Participant> participants(AttendeesAndVisit form) {
        List<Registration.Participant> participants = new ArrayList<>();
        for (AttendeeForm attendee : form.getAttendees()) {
            participants.add(new Registration.Participant(
                    Integer.toString(participants.size() + 1),
                    attendee.getName().strip(),
                    blankToNull(attendee.getEmail()),
                    blankToNull(attendee.getRole()),
                    List.copyOf(new LinkedHashSet<>(attendee.getSessionIds())),
                    blankToNull(attendee.getNeeds())));
        }
        return participants;
    }

    private String confirmationUrl(ConfirmationToken token) {
        return UriComponentsBuilder.fromUriString(publicBaseUrl)
                .path("/anmalan/bekrafta")
                .queryParam("token", token.value())
                .build()
                .toUriString();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }
}
