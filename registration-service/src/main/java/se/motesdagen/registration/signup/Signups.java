package se.motesdagen.registration.signup;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;
import se.motesdagen.registration.company.CompanyIdentity;
import se.motesdagen.registration.company.OrganisationNumber;
import se.motesdagen.registration.company.PersonalIdentityNumber;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.seats.Placement;
import se.motesdagen.registration.seats.Seats;
import se.motesdagen.registration.signup.SubmitOutcome.Accepted;
import se.motesdagen.registration.signup.SubmitOutcome.FieldProblem;
import se.motesdagen.registration.signup.SubmitOutcome.Rejected;

/**
 * Takes registrations in and confirms them: the public form and the API, a registration staff take by
 * phone, the confirm link and a link sent again. Each change is one document write with its events.
 */
@Service
public class Signups {

    private static final Logger log = LoggerFactory.getLogger(Signups.class);

    private final RegistrationRepository registrations;
    private final RegistrationEvents events;
    private final CompanyIdentity identity;
    private final Programme programme;
    private final Seats seats;
    private final MongoOperations mongo;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ManageLinks links;
    private final Duration confirmationValidFor;

    Signups(
            RegistrationRepository registrations,
            RegistrationEvents events,
            CompanyIdentity identity,
            Programme programme,
            Seats seats,
            MongoOperations mongo,
            Clock clock,
            MeterRegistry meters,
            ManageLinks links,
            @Value("${motesdagen.registration.confirmation-valid-for:P7D}") Duration confirmationValidFor) {
        this.registrations = registrations;
        this.events = events;
        this.identity = identity;
        this.programme = programme;
        this.seats = seats;
        this.mongo = mongo;
        this.clock = clock;
        this.meters = meters;
        this.links = links;
        this.confirmationValidFor = confirmationValidFor;
    }

    /** Stores a pending registration and its RegistrationSubmitted event, or says what is wrong. */
    public SubmitOutcome submit(Day day, RegistrationForm form, String language) {
        Day.Registering registering = day.registering(clock.instant());
        if (registering != Day.Registering.OPEN) {
            return new SubmitOutcome.NotOpen(registering);
        }
        List<FieldProblem> problems = check(day, form, language);
        Registration.Company company = company(form);
        // No "already registered" here: that would tell anyone who types a public organisationsnummer
        // whether the company takes part, and a pending registration must not keep the company out.
        // One confirmed registration per company is held when confirming (Registration#companyPlace).
        if (!problems.isEmpty()) {
            return new Rejected(problems);
        }
        Optional<Registration> registered =
                registrations.findByCompanyPlace(Registration.companyPlace(day.id(), company.identityKey()));
        if (registered.isPresent()) {
            // no second registration: the registered contact gets the manage link, and the answer is the
            // same as for any new submission, so it tells nobody that (or by whom) the company is registered
            return sendManageLinkInstead(day, registered.get());
        }
        Instant now = clock.instant();
        ConfirmationToken token = ConfirmationToken.issue(now, confirmationValidFor);
        Registration registration = fromForm(day, company, form, language, now, token);
        events.submitted(registration, day, links.confirmationUrl(token));
        // the places first: a crash before the insert leaves places for a registration that never was,
        // which the seats drop when their hold runs out; the other order could lose a stored one's seats
        seats.claim(day, registration.getId(), registration.sessionsByAttendee());
        registrations.insert(registration);
        meters.counter("motesdagen.registrations.submitted", "event", day.id()).increment();
        log.info("Registration {} submitted for {}", registration.getId(), day.id());
        return new Accepted(registration.getId());
    }

    /** A new registration as the form describes it, the same whether the company or staff filled it in. */
    private Registration fromForm(
            Day day,
            Registration.Company company,
            RegistrationForm form,
            String language,
            Instant now,
            ConfirmationToken token) {
        Registration registration = new Registration(
                UUID.randomUUID().toString(),
                day.id(),
                company,
                new Registration.Contact(
                        form.getContactName().strip(),
                        form.getEmail().strip(),
                        SignupRules.blankToNull(form.getPhone())),
                SignupRules.participants(form),
                SignupRules.visitRequest(form),
                language,
                now,
                token);
        registration.describe(
                SignupRules.address(form), form.getSniSection(), SignupRules.blankToNull(form.getSuggestion()));
        registration.answer(questions(day, form, language).answers());
        return registration;
    }

    /** The rules of the programme and of the day's own questions. */
    private static List<FieldProblem> check(Day day, RegistrationForm form, String language) {
        List<FieldProblem> problems = new ArrayList<>(SignupRules.checkAgainstProgramme(day, form));
        problems.addAll(questions(day, form, language).problems());
        return problems;
    }

    private static QuestionRules.Read questions(Day day, RegistrationForm form, String language) {
        return QuestionRules.read(
                day,
                form,
                SignupRules.participants(form).stream()
                        .map(Registration.Participant::id)
                        .toList(),
                Locale.forLanguageTag(language));
    }

    /**
     * A registration staff take by phone, by the same rules as the form, confirmed at once (the contact
     * gets the confirmation with the manage link, not a confirm link). Staff see when the company is
     * already registered. The registration times do not bind staff.
     */
    public SubmitOutcome registerByStaff(Day day, RegistrationForm form, String language, String by) {
        List<FieldProblem> problems = check(day, form, language);
        if (!problems.isEmpty()) {
            return new Rejected(problems);
        }
        Registration.Company company = company(form);
        String identityField = form.isSoleTrader() ? "personalIdentityNumber" : "organisationNumber";
        Rejected alreadyRegistered =
                new Rejected(List.of(new FieldProblem(identityField, "registration.staff.alreadyRegistered")));
        if (registrations
                .findByCompanyPlace(Registration.companyPlace(day.id(), company.identityKey()))
                .isPresent()) {
            return alreadyRegistered;
        }
        Instant now = clock.instant();
        Registration registration =
                fromForm(day, company, form, language, now, ConfirmationToken.issue(now, confirmationValidFor));
        ConfirmationToken manageToken = links.issueManageToken(day);
        registration.confirmByStaff(now, manageToken, by);
        List<Placement> placements = seats.confirm(day, registration.getId(), registration.sessionsByAttendee());
        events.confirmed(registration, day, placements, links.manageUrl(manageToken));
        try {
            registrations.insert(registration);
        } catch (DuplicateKeyException confirmedMeanwhile) {
            seats.release(day, registration.getId());
            return alreadyRegistered;
        }
        meters.counter("motesdagen.registrations.confirmed", "event", day.id()).increment();
        log.info("Registration {} taken by staff", registration.getId());
        return new Accepted(registration.getId());
    }

    private SubmitOutcome sendManageLinkInstead(Day day, Registration found) {
        Instant now = clock.instant();
        for (int attempt = 0; ; attempt++) {
            Registration registration =
                    attempt == 0 ? found : registrations.findById(found.getId()).orElseThrow();
            ConfirmationToken manageToken = links.issueManageToken(day);
            if (registration.reissueManageLink(manageToken, now)) {
                events.manageLinkSent(registration, day, links.manageUrl(manageToken), now);
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
                new MergedSubmission(UUID.randomUUID().toString(), day.id(), now, now.plus(confirmationValidFor));
        mongo.insert(merged);
        meters.counter("motesdagen.registrations.registered-again", "event", day.id())
                .increment();
        log.info("A submission for the company of registration {} sent its manage link instead", found.getId());
        return new Accepted(merged.id());
    }

    /** Where a registration stands, for the API's status resource: nothing personal. */
    public Optional<RegistrationStatus> status(String dayId, String registrationId) {
        Optional<RegistrationStatus> registered = registrations
                .findById(registrationId)
                .filter(r -> r.getDayId().equals(dayId))
                .map(r -> new RegistrationStatus(
                        r.getId(), r.getDayId(), ApiStatus.of(r.getStatus()), r.getSubmittedAt()));
        if (registered.isPresent()) {
            return registered;
        }
        // a submission that went to the registered contact answers as an unconfirmed one would
        return Optional.ofNullable(mongo.findById(registrationId, MergedSubmission.class))
                .filter(m -> m.dayId().equals(dayId) && m.expiresAt().isAfter(clock.instant()))
                .map(m -> new RegistrationStatus(m.id(), m.dayId(), ApiStatus.PENDING, m.submittedAt()));
    }

    /** The state of a registration without anything that names a person or a company. */
    public record RegistrationStatus(
            String registrationId, @JsonProperty("eventId") String dayId, ApiStatus status, Instant submittedAt) {}

    /**
     * A registration's status as the API has always named it. A contested registration (confirmed while
     * the company's place was held) is not confirmed, so it is pending there: a new value would change the
     * API's shape, and its contact has been told on the confirm page already.
     */
    public enum ApiStatus {
        PENDING,
        CONFIRMED,
        CANCELLED;

        static ApiStatus of(Registration.Status status) {
            return switch (status) {
                case PENDING, CONTESTED -> PENDING;
                case CONFIRMED -> CONFIRMED;
                case CANCELLED -> CANCELLED;
            };
        }
    }

    /**
     * What the link stands for, changing nothing: mail scanners open every link in a message, so
     * opening the link only shows the button that confirms.
     */
    public ConfirmResult look(String token) {
        if (!ConfirmationToken.isWellFormed(token)) {
            return new ConfirmResult.UnknownLink();
        }
        return registrations
                .findByConfirmLink(ConfirmationToken.hashOf(token))
                .<ConfirmResult>map(registration -> {
                    if (registration.getStatus() == Registration.Status.CANCELLED) {
                        return new ConfirmResult.Cancelled(
                                registration.getCompany().name());
                    }
                    if (registration.getStatus() == Registration.Status.CONTESTED) {
                        return new ConfirmResult.Contested(
                                registration.getCompany().name());
                    }
                    if (registration.getStatus() == Registration.Status.CONFIRMED) {
                        return new ConfirmResult.AlreadyConfirmed(
                                registration, seats.placementsOf(registration.getDayId(), registration.getId()));
                    }
                    if (clock.instant().isAfter(registration.getConfirmationExpiresAt())) {
                        return new ConfirmResult.Expired(registration.getDayId());
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
            Optional<Registration> found = registrations.findByConfirmLink(ConfirmationToken.hashOf(token));
            if (found.isEmpty()) {
                return new ConfirmResult.UnknownLink();
            }
            Registration registration = found.get();
            Day day = programme
                    .day(registration.getDayId())
                    .orElseThrow(() -> new IllegalStateException("registration for a missing event"));
            ConfirmationToken manageToken = links.issueManageToken(day);
            switch (registration.confirm(clock.instant(), manageToken)) {
                case ALREADY_CONFIRMED -> {
                    if (registration.getStatus() == Registration.Status.CANCELLED) {
                        return new ConfirmResult.Cancelled(
                                registration.getCompany().name());
                    }
                    if (registration.getStatus() == Registration.Status.CONTESTED) {
                        return new ConfirmResult.Contested(
                                registration.getCompany().name());
                    }
                    return new ConfirmResult.AlreadyConfirmed(
                            registration, seats.placementsOf(registration.getDayId(), registration.getId()));
                }
                case EXPIRED -> {
                    return new ConfirmResult.Expired(registration.getDayId());
                }
                case CONFIRMED -> {
                    // the seats first, so the event says who has a seat and who waits; if the registration's
                    // write below never happens, the sweep finds the registration unconfirmed and frees them
                    List<Placement> placements =
                            seats.confirm(day, registration.getId(), registration.sessionsByAttendee());
                    events.confirmed(registration, day, placements, links.manageUrl(manageToken));
                    try {
                        // fails on the unique company place when the company already has a confirmed registration
                        Registration saved = registrations.save(registration);
                        meters.counter("motesdagen.registrations.confirmed", "event", day.id())
                                .increment();
                        log.info("Registration {} confirmed", saved.getId());
                        return new ConfirmResult.Confirmed(saved, placements);
                    } catch (DuplicateKeyException companyConfirmedBefore) {
                        seats.release(day, registration.getId());
                        contest(registration.getId(), day);
                        return new ConfirmResult.Contested(
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

    /**
     * The company's place was taken when this registration's contact confirmed: it waits for staff as
     * contested, with both contacts, instead of being refused (the other one may be the squatter).
     */
    private void contest(String registrationId, Day day) {
        for (int attempt = 0; ; attempt++) {
            Registration registration = registrations.findById(registrationId).orElseThrow();
            String holder = registrations
                    .findPlaceHolder(registration)
                    .map(Registration::getId)
                    .orElse(null);
            if (!registration.contest(clock.instant(), holder)) {
                return;
            }
            try {
                registrations.save(registration);
                meters.counter("motesdagen.registrations.contested", "event", day.id())
                        .increment();
                log.warn(
                        "Registration {} confirmed while registration {} held the company's place: contested, for staff",
                        registrationId,
                        holder);
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    /**
     * A new confirm link, by e-mail, for each registration of this day that the address submitted and
     * nobody has confirmed yet (expired ones included). The caller says the same whatever is found, so
     * the answer tells nobody whether an address registered; the notification service caps how many
     * confirm e-mails an address gets a day, so this cannot be used to flood an inbox.
     */
    public int resendConfirmation(Day day, String email) {
        int sent = 0;
        for (Registration found : registrations.findByDayIdAndContactEmailKey(day.id(), Registration.emailKey(email))) {
            for (int attempt = 0; ; attempt++) {
                Registration registration = attempt == 0
                        ? found
                        : registrations.findById(found.getId()).orElseThrow();
                ConfirmationToken token = ConfirmationToken.issue(clock.instant(), confirmationValidFor);
                if (!registration.reissueConfirmation(token, clock.instant())) {
                    break;
                }
                events.submitted(registration, day, links.confirmationUrl(token));
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
        meters.counter("motesdagen.registrations.confirmation.resent", "event", day.id())
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
}
