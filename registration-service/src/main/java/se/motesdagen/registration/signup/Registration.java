package se.motesdagen.registration.signup;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import se.motesdagen.platform.messaging.AddressKey;
import se.motesdagen.platform.outbox.HasOutbox;
import se.motesdagen.platform.outbox.OutboxEvent;
import se.motesdagen.registration.company.SniSection;

/**
 * A company's registration for one day. The company is the unit: one confirmed registration per
 * company and day, with several attendees. The company is known by its identity key (the
 * organisationsnummer, or a keyed hash of a sole trader's personnummer), and only a confirmed
 * registration holds the company's place: an unconfirmed one, which anyone who knows the public
 * organisationsnummer could make, never keeps the real company out.
 *
 * <p>Every change is one document write that also appends its events to {@link #outbox}, which is
 * how the change and its publication stay atomic without transactions.
 */
@Document("registrations")
@CompoundIndex(name = "by_day_and_contact", def = "{'dayId': 1, 'contactEmailKey': 1}")
// the staff list: a day's registrations, newest first, a page at a time
@CompoundIndex(name = "by_day_and_time", def = "{'dayId': 1, 'submittedAt': -1}")
public class Registration implements HasOutbox {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @Id
    private String id;

    @Version
    private Long version;

    @Indexed
    private String dayId;

    private Status status;
    private Company company;

    /** The company's name as it sorts in Swedish ({@link SwedishOrder}): the staff list's order by company. */
    private String companySortKey;

    private Contact contact;

    /** The contact's address in lower case: how "send the confirm e-mail again" finds the registration. */
    private String contactEmailKey;

    /** Set when a mail to the contact bounced or was refused for good; staff see it beside the address. */
    private Unreachable contactUnreachable;

    /**
     * Set when the registration is confirmed: the day and the company's identity key. Unique, and
     * absent while pending, so the store itself refuses a second confirmed registration of a company.
     */
    @Indexed(unique = true, sparse = true)
    private String companyPlace;

    /** How many people the company sends: the size of {@link #participants}, kept for lists and counts. */
    private int attendees;

    /** Every session someone of the company attends. */
    private List<String> sessionIds;

    private List<Participant> participants;
    private VisitRequest visitRequest;
    private Address address;
    private SniSection sniSection;

    /** The company's answer to "what should the municipality change?", or null. */
    private String suggestion;

    /** The answers to the day's own questions (company and attendees), each with the wording it was given to. */
    private List<Answer> answers;

    private String language;
    private Instant consentedAt;
    private Instant submittedAt;
    private Instant confirmedAt;

    @Indexed(unique = true, sparse = true)
    private String confirmationTokenHash;

    /**
     * The confirm links sent before the newest, still working: anyone who knows the address may ask for
     * the link again, and that must not break the one the person already has. At most a few are kept.
     */
    @Indexed(sparse = true)
    private List<String> earlierConfirmationTokenHashes;

    private Instant confirmationExpiresAt;

    /** The hash of the manage link's secret, given on confirmation; the link works until the day is over. */
    @Indexed(unique = true, sparse = true)
    private String manageTokenHash;

    /** The manage links sent before the newest (a new one goes out when the company is registered again). */
    @Indexed(sparse = true)
    private List<String> earlierManageTokenHashes;

    private Instant manageExpiresAt;
    private Instant cancelledAt;

    /**
     * Set when the contact confirmed while another registration of the company held its place: the
     * registration then waits for staff, who give the place to one of the two (see {@link Status#CONTESTED}).
     */
    private Instant contestedAt;

    /** The registration that held the company's place when this one was contested. */
    private String contestedWith;

    /**
     * Set with the cancellation and cleared once the seats were given up: if the process dies between
     * the two writes, the sweep finds the cancellation whose seats are still taken.
     */
    private boolean seatsToRelease;

    /**
     * Set with a change of attendees or sessions and cleared once the seats follow it and the change is
     * published: a sweep finishes what a crash in between left undone.
     */
    private boolean seatsToSync;

    private Instant changedAt;

    /** When the personal data was removed (on request, or when the retention period ran out). */
    private Instant erasedAt;

    /**
     * When each other service confirmed it had erased its copy too ({@code visit}, {@code notification},
     * {@code feedback}); the erasure is complete when all have.
     */
    private Map<String, Instant> erasureConfirmations = new HashMap<>();

    /** Everything that happened to the registration, oldest first: the staff's timeline. */
    private List<Happening> history = new ArrayList<>();

    /** One person erased from the registration while it stays (GDPR art. 17), by erasure id. */
    private Map<String, PersonErasure> personErasures = new HashMap<>();

    private List<OutboxEvent> outbox = new ArrayList<>();

    protected Registration() {}

    Registration(
            String id,
            String dayId,
            Company company,
            Contact contact,
            List<Participant> participants,
            VisitRequest visitRequest,
            String language,
            Instant submittedAt,
            ConfirmationToken token) {
        this.id = id;
        this.dayId = dayId;
        this.status = Status.PENDING;
        this.company = company;
        this.companySortKey = SwedishOrder.key(company.name());
        this.contact = contact;
        this.contactEmailKey = emailKey(contact.email());
        this.participants = List.copyOf(participants);
        this.attendees = participants.size();
        this.sessionIds = participants.stream()
                .flatMap(p -> p.sessionIds().stream())
                .distinct()
                .toList();
        this.visitRequest = visitRequest;
        this.language = language;
        this.consentedAt = submittedAt;
        this.submittedAt = submittedAt;
        this.confirmationTokenHash = token.hash();
        this.confirmationExpiresAt = token.expiresAt();
        happened(submittedAt, Happening.Kind.SUBMITTED, null);
    }

    /** What opening the confirm link does to this registration, decided before anything changes. */
    ConfirmOutcome confirm(Instant now, ConfirmationToken manageToken) {
        if (status != Status.PENDING) {
            return ConfirmOutcome.ALREADY_CONFIRMED;
        }
        if (now.isAfter(confirmationExpiresAt)) {
            return ConfirmOutcome.EXPIRED;
        }
        status = Status.CONFIRMED;
        confirmedAt = now;
        companyPlace = companyPlace(dayId, company.identityKey());
        manageTokenHash = manageToken.hash();
        manageExpiresAt = manageToken.expiresAt();
        happened(now, Happening.Kind.CONFIRMED, null);
        return ConfirmOutcome.CONFIRMED;
    }

    /**
     * The company changed who comes, to what, or its visit wish, from the manage link. Attendees keep
     * their ids (and so their seats); new ones get the next numbers. False if the registration cannot
     * be changed any more (cancelled, erased, or the day is over).
     */
    public boolean change(
            List<Participant> changedParticipants,
            VisitRequest changedVisit,
            List<Answer> changedAnswers,
            Instant now) {
        if (status != Status.CONFIRMED || erasedAt != null || now.isAfter(manageExpiresAt)) {
            return false;
        }
        answers = List.copyOf(changedAnswers);
        participants = List.copyOf(changedParticipants);
        attendees = participants.size();
        sessionIds = participants.stream()
                .flatMap(p -> p.sessionIds().stream())
                .distinct()
                .toList();
        visitRequest = changedVisit;
        seatsToSync = true;
        changedAt = now;
        happened(now, Happening.Kind.CHANGED, null);
        return true;
    }

    /**
     * New answers to the day's questions while nothing else changes: stored, on the timeline, and no
     * event (the other services do not keep the answers). False when the registration cannot change.
     */
    public boolean reanswer(List<Answer> changedAnswers, Instant now) {
        if (status != Status.CONFIRMED || erasedAt != null || now.isAfter(manageExpiresAt)) {
            return false;
        }
        answers = List.copyOf(changedAnswers);
        changedAt = now;
        happened(now, Happening.Kind.CHANGED, null);
        return true;
    }

    /** The seats follow the change now; its RegistrationUpdated is recorded with this write. */
    public void changeFinished() {
        seatsToSync = false;
    }

    public boolean isSeatsToSync() {
        return seatsToSync;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    /**
     * A registration staff took by phone: confirmed at once, the person having agreed on the phone,
     * so no confirm link is ever sent.
     */
    void confirmByStaff(Instant now, ConfirmationToken manageToken, String by) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("only a new registration is confirmed by staff");
        }
        confirmedWithoutLink(now, manageToken);
        history.clear();
        happened(submittedAt, Happening.Kind.REGISTERED_BY_STAFF, by);
    }

    /** Confirmed by staff's hand rather than by the confirm link, which stops working. */
    private void confirmedWithoutLink(Instant now, ConfirmationToken manageToken) {
        status = Status.CONFIRMED;
        confirmedAt = now;
        companyPlace = companyPlace(dayId, company.identityKey());
        confirmationTokenHash = null;
        earlierConfirmationTokenHashes = null;
        manageTokenHash = manageToken.hash();
        manageExpiresAt = manageToken.expiresAt();
    }

    /**
     * The contact confirmed, but another registration of the company was confirmed first: this one holds
     * no place and no seat and waits for staff. False if it is no longer waiting for confirmation.
     */
    boolean contest(Instant now, String holderId) {
        if (status != Status.PENDING) {
            return false;
        }
        status = Status.CONTESTED;
        contestedAt = now;
        contestedWith = holderId;
        happened(now, Happening.Kind.CONTESTED, null);
        return true;
    }

    /**
     * Staff gave the company's place to this contested registration: confirmed now, and the manage link
     * goes to this registration's contact, the address that confirmed it.
     */
    public void confirmContested(Instant now, ConfirmationToken manageToken, String by) {
        if (status != Status.CONTESTED) {
            throw new IllegalStateException("only a contested registration is given the company's place");
        }
        confirmedWithoutLink(now, manageToken);
        happened(now, Happening.Kind.PLACE_GIVEN, by);
    }

    /**
     * Staff gave the company's place to another registration of the company: this one is cancelled and
     * its seats are given up, as when the contact cancels. False if it is not confirmed.
     */
    public boolean giveUpPlace(Instant now, String by) {
        if (status != Status.CONFIRMED) {
            return false;
        }
        status = Status.CANCELLED;
        cancelledAt = now;
        companyPlace = null;
        seatsToRelease = true;
        happened(now, Happening.Kind.PLACE_TAKEN, by);
        return true;
    }

    /**
     * What pressing "cancel" on the manage page does, decided before anything changes. A cancelled
     * registration gives up the company's place, so the company can register again.
     */
    public CancelOutcome cancel(Instant now) {
        if (status == Status.CANCELLED) {
            return CancelOutcome.ALREADY_CANCELLED;
        }
        if (status != Status.CONFIRMED || now.isAfter(manageExpiresAt)) {
            return CancelOutcome.EXPIRED;
        }
        status = Status.CANCELLED;
        cancelledAt = now;
        companyPlace = null;
        seatsToRelease = true;
        happened(now, Happening.Kind.CANCELLED, null);
        return CancelOutcome.CANCELLED;
    }

    /** Staff mark an attendee as present on the day; a second time changes nothing. */
    public CheckInOutcome checkIn(String attendeeId, Instant now, String by) {
        if (status != Status.CONFIRMED || erasedAt != null) {
            return CheckInOutcome.NOT_CONFIRMED;
        }
        Participant participant = participant(attendeeId).orElse(null);
        if (participant == null) {
            return CheckInOutcome.NO_SUCH_ATTENDEE;
        }
        if (participant.checkedInAt() != null) {
            return CheckInOutcome.ALREADY_CHECKED_IN;
        }
        participants = getParticipants().stream()
                .map(p -> p.id().equals(attendeeId) ? p.checkedIn(now) : p)
                .toList();
        happened(now, Happening.Kind.CHECKED_IN, participant.nameOr("Deltagare " + attendeeId) + " (" + by + ")");
        return CheckInOutcome.CHECKED_IN;
    }

    /**
     * Removes the personal data and keeps what the statistics need: the day, the status, the dates, the
     * number of attendees and their sessions, an aktiebolag's name and number (not personal data). A
     * sole trader's name often is the owner's name, so it goes too, with the keyed personnummer hash.
     * The company's place and the seats are given up; the links stop working. False if already done.
     */
    public boolean erase(Instant now, String reason) {
        if (erasedAt != null) {
            return false;
        }
        erasedAt = now;
        contact = new Contact(null, null, null);
        contactEmailKey = null;
        // the organisationsnummer goes too (it finds the person in any register); an aktiebolag's name
        // stays for the figures, a sole trader's (often the owner's own) does not
        if (company.soleTrader()) {
            company = new Company(null, null, true, null);
            companySortKey = null;
        } else {
            company = new Company(company.name(), null, false, null);
        }
        participants = getParticipants().stream()
                .map(p -> new Participant(p.id(), null, null, null, p.sessionIds(), null, p.checkedInAt()))
                .toList();
        visitRequest = visitRequest == null ? null : new VisitRequest(null, null);
        address = null;
        suggestion = null;
        answers = List.of();
        forgetCheckInNames(name -> true);
        companyPlace = null;
        confirmationTokenHash = null;
        manageTokenHash = null;
        earlierConfirmationTokenHashes = null;
        earlierManageTokenHashes = null;
        seatsToRelease = true;
        happened(now, Happening.Kind.ERASED, reason);
        return true;
    }

    /** Who is erased: the contact person, or an attendee by id. */
    public static final String CONTACT = "kontakt";

    /**
     * Erases one person while the registration stays: the contact person ({@link #CONTACT}) or an
     * attendee by id, and wherever else the same person stands in it, by address or full name (the
     * contact is often an attendee too). The seats, sessions and check-ins stay for the figures. Without a contact, nothing more is
     * mailed to the company. Empty when there is nobody (left) to erase there.
     */
    public Optional<PersonErasure> erasePerson(String who, String erasureId, Instant now) {
        if (erasedAt != null) {
            return Optional.empty();
        }
        String email;
        String name;
        boolean isContact = CONTACT.equals(who);
        if (isContact) {
            if (contact == null || (contact.name() == null && contact.email() == null)) {
                return Optional.empty();
            }
            email = contact.email();
            name = contact.name();
        } else {
            Optional<Participant> attendee = participant(who).filter(p -> p.name() != null || p.email() != null);
            if (attendee.isEmpty()) {
                return Optional.empty();
            }
            email = attendee.get().email();
            name = attendee.get().name();
        }
        boolean sameAsContact = isContact || samePerson(email, name, contact.email(), contact.name());
        // the address the other services know the person by: the contact's, when the person is the contact
        String known = sameAsContact && contact.email() != null ? contact.email() : email;
        if (sameAsContact) {
            contact = new Contact(null, null, null);
            contactEmailKey = null;
            contactUnreachable = new Unreachable(now, "kontaktpersonen är raderad");
            manageTokenHash = null; // the links were the contact's
            confirmationTokenHash = null;
            earlierManageTokenHashes = null;
            earlierConfirmationTokenHashes = null;
        }
        participants = getParticipants().stream()
                .map(p -> p.id().equals(who) || samePerson(email, name, p.email(), p.name())
                        ? new Participant(p.id(), null, null, null, p.sessionIds(), null, p.checkedInAt())
                        : p)
                .toList();
        // an erased attendee's answers go with them (an allergy is a health fact about the person)
        Set<String> erasedAttendees = getParticipants().stream()
                .filter(p -> p.name() == null && p.email() == null)
                .map(Participant::id)
                .collect(Collectors.toSet());
        answers = getAnswers().stream()
                .filter(a -> a.attendeeId() == null || !erasedAttendees.contains(a.attendeeId()))
                .toList();
        if (name != null) {
            forgetCheckInNames(detail -> detail.contains(name));
        }
        PersonErasure erasure =
                new PersonErasure(erasureId, sameAsContact, known == null ? null : AddressKey.of(known), now, Map.of());
        if (personErasures == null) {
            personErasures = new HashMap<>();
        }
        personErasures.put(erasureId, erasure);
        happened(now, Happening.Kind.PERSON_ERASED, isContact ? null : who);
        return Optional.of(erasure);
    }

    /** Within one registration, the same address, or the same full name, is the same person. */
    private static boolean samePerson(String email, String name, String otherEmail, String otherName) {
        return (email != null && email.strip().equalsIgnoreCase(otherEmail == null ? "" : otherEmail.strip()))
                || (name != null && name.strip().equalsIgnoreCase(otherName == null ? "" : otherName.strip()));
    }

    /** The timeline names whom each check-in was for: those whose detail matches keep their time, not the name. */
    private void forgetCheckInNames(Predicate<String> naming) {
        history = getHistory().stream()
                .map(h -> h.kind() == Happening.Kind.CHECKED_IN && h.detail() != null && naming.test(h.detail())
                        ? new Happening(h.at(), h.kind(), null)
                        : h)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private void happened(Instant at, Happening.Kind kind, String detail) {
        if (history == null) {
            history = new ArrayList<>();
        }
        history.add(new Happening(at, kind, detail));
    }

    /** How many earlier links of each kind keep working beside the newest: a day's worth. */
    static final int EARLIER_LINKS_KEPT = 5;

    /**
     * At most this many links of a kind go out for one registration in a Stockholm day (the confirm link
     * with the submission counts): the notification service mails as many to one address, so no link is
     * made that its mail does not carry, and past the cap a request changes nothing.
     */
    static final int LINKS_AGAIN_PER_DAY = 5;

    /** How often the thing happened on the Stockholm day of {@code now}. */
    private long today(Happening.Kind kind, Instant now) {
        var day = now.atZone(STOCKHOLM).toLocalDate();
        return getHistory().stream()
                .filter(h -> h.kind() == kind
                        && h.at().atZone(STOCKHOLM).toLocalDate().equals(day))
                .count();
    }

    /**
     * A new link for a registration still waiting for confirmation; the earlier ones keep working (the
     * newest {@value #EARLIER_LINKS_KEPT}), until the new one's expiry. False when there is nothing to
     * confirm any more.
     */
    boolean reissueConfirmation(ConfirmationToken token, Instant now) {
        if (status != Status.PENDING || today(Happening.Kind.LINK_SENT_AGAIN, now) >= LINKS_AGAIN_PER_DAY - 1) {
            return false;
        }
        earlierConfirmationTokenHashes = kept(earlierConfirmationTokenHashes, confirmationTokenHash);
        confirmationTokenHash = token.hash();
        confirmationExpiresAt = token.expiresAt();
        happened(now, Happening.Kind.LINK_SENT_AGAIN, null);
        return true;
    }

    public static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public List<OutboxEvent> outbox() {
        return outbox;
    }

    /**
     * A new manage link for a confirmed registration, for the registered contact when somebody tries to
     * register the company again; the earlier ones keep working, so nobody but their holder can break
     * them. False if there is nothing to manage.
     */
    boolean reissueManageLink(ConfirmationToken token, Instant now) {
        if (status != Status.CONFIRMED
                || erasedAt != null
                || today(Happening.Kind.REGISTERED_AGAIN, now) >= LINKS_AGAIN_PER_DAY) {
            return false;
        }
        earlierManageTokenHashes = kept(earlierManageTokenHashes, manageTokenHash);
        manageTokenHash = token.hash();
        manageExpiresAt = token.expiresAt();
        happened(now, Happening.Kind.REGISTERED_AGAIN, null);
        return true;
    }

    /** The earlier hashes with the one being replaced, the newest {@value #EARLIER_LINKS_KEPT}. */
    private static List<String> kept(List<String> earlier, String replaced) {
        List<String> kept = new ArrayList<>(earlier == null ? List.of() : earlier);
        if (replaced != null) {
            kept.add(replaced);
        }
        return kept.size() > EARLIER_LINKS_KEPT
                ? List.copyOf(kept.subList(kept.size() - EARLIER_LINKS_KEPT, kept.size()))
                : kept;
    }

    static String companyPlace(String dayId, String identityKey) {
        return dayId + "|" + identityKey;
    }

    /** Drops the events not yet published: after an erasure they would carry the data that was removed. */
    public void clearUnpublished() {
        outbox.clear();
    }

    public enum Status {
        PENDING,
        CONFIRMED,
        CANCELLED,
        /**
         * Confirmed by its contact while another registration of the company held the place: it holds
         * nothing until staff decide, and it is never removed as unconfirmed.
         */
        CONTESTED
    }

    public enum CheckInOutcome {
        CHECKED_IN,
        ALREADY_CHECKED_IN,
        NOT_CONFIRMED,
        NO_SUCH_ATTENDEE
    }

    /** One line of the timeline: when, what, and a word on it (who checked whom in, why erased). */
    public record Happening(Instant at, Kind kind, String detail) {

        public enum Kind {
            SUBMITTED,
            REGISTERED_BY_STAFF,
            LINK_SENT_AGAIN,
            CONFIRMED,
            /** The contact confirmed while another registration held the company's place. */
            CONTESTED,
            /** Staff gave the company's place to this contested registration; the detail is who. */
            PLACE_GIVEN,
            /** Staff gave the company's place to another registration of it; the detail is who. */
            PLACE_TAKEN,
            REGISTERED_AGAIN,
            CHANGED,
            CANCELLED,
            CHECKED_IN,
            ERASED,
            /** The notification service sent a mail about the registration; the detail is its kind. */
            MAIL_SENT,
            /** A mail could not be delivered and will not be tried again; the detail is its kind. */
            MAIL_FAILED,
            /** A delivered mail came back from the recipient's server; the detail is its kind. */
            MAIL_BOUNCED,
            /** The visit service gave the company's visit a time; the detail is the time. */
            VISIT_SCHEDULED,
            /** The visit was moved; the detail is the new time. */
            VISIT_RESCHEDULED,
            /** The company confirmed the visit's time. */
            VISIT_CONFIRMED,
            /** The company asked for another time. */
            VISIT_CHANGE_REQUESTED,
            /** The visit took place and its report was written. */
            VISIT_COMPLETED,
            /** The visit was called off. */
            VISIT_CANCELLED,
            /** The feedback service sent the contact a survey (what it answers stays anonymous there). */
            SURVEY_SENT,
            /** The feedback service sent the contact a ballot on the proposals (how it votes stays there). */
            BALLOT_SENT,
            /** One person was erased while the registration stays; the detail is the attendee's id, none for the contact. */
            PERSON_ERASED,
            /** The contact answered a survey, told once it closed and dated that day; the detail is what it was about. */
            SURVEY_ANSWERED,
            /** The contact voted on the proposals, told once the vote closed and dated that day; the detail is the vote. */
            VOTED
        }
    }

    public enum CancelOutcome {
        CANCELLED,
        ALREADY_CANCELLED,
        EXPIRED
    }

    public enum ConfirmOutcome {
        CONFIRMED,
        ALREADY_CONFIRMED,
        EXPIRED
    }

    /**
     * The company. A sole trader has no organisationsnummer; its identity key is a keyed hash of the
     * owner's personnummer, which itself is never stored.
     */
    public record Company(String name, String organisationNumber, boolean soleTrader, String identityKey) {}

    /**
     * One person erased while the registration stays: whether it was the contact, the key of their address
     * (how the other services find their copies; never the address), when, and which services have
     * confirmed they erased theirs.
     */
    public record PersonErasure(
            String id, boolean contact, String addressKey, Instant at, Map<String, Instant> confirmations) {

        public PersonErasure {
            confirmations = confirmations == null ? Map.of() : Map.copyOf(confirmations);
        }

        public boolean isComplete(List<String> services) {
            return confirmations.keySet().containsAll(services);
        }
    }

    public record Contact(String name, String email, String phone) {}

    /** The contact's address stopped taking mail: when it was found, and what the mail system said. */
    public record Unreachable(Instant since, String reason) {}

    /**
     * One person the company sends. The needs (food, access) are for the organisers' planning only and
     * never leave this service: they can reveal health or belief.
     */
    /**
     * An answer to one of the day's questions, as given: the question's wording in the language the form
     * was in, the values as stored (choice ids, yes/no, the text, the number, the date) and the answer as
     * people read it. A later change of the question changes neither.
     *
     * @param attendeeId the attendee the answer is about, or null for the company's
     */
    public record Answer(String questionId, String attendeeId, String question, List<String> values, String text) {

        public Answer {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    public record Participant(
            String id,
            String name,
            String email,
            String role,
            List<String> sessionIds,
            String needs,
            Instant checkedInAt) {

        public Participant {
            sessionIds = sessionIds == null ? List.of() : List.copyOf(sessionIds);
        }

        public Participant(String id, String name, String email, String role, List<String> sessionIds, String needs) {
            this(id, name, email, role, sessionIds, needs, null);
        }

        Participant checkedIn(Instant at) {
            return new Participant(id, name, email, role, sessionIds, needs, at);
        }

        /** The name, or "Deltagare 2" for an attendee stored before attendees were named. */
        public String nameOr(String numbered) {
            return name != null ? name : numbered;
        }
    }

    /**
     * A wish for a visit by a politician and an official: where, what about (free text and the areas
     * ticked), when in the day suits the company, and who will meet the visitors (null: the contact).
     */
    public record VisitRequest(
            String address, String topics, List<VisitArea> areas, List<VisitWindow> windows, String meets) {

        public VisitRequest {
            areas = areas == null ? List.of() : List.copyOf(areas);
            windows = windows == null ? List.of() : List.copyOf(windows);
        }

        public VisitRequest(String address, String topics, List<VisitArea> areas, List<VisitWindow> windows) {
            this(address, topics, areas, windows, null);
        }

        public VisitRequest(String address, String topics) {
            this(address, topics, List.of(), List.of());
        }
    }

    /** The company's postal address; every part may be missing. */
    public record Address(String street, String postalCode, String town) {}

    /** Extra facts about the company given on the form, all optional. */
    void describe(Address address, SniSection sniSection, String suggestion) {
        this.address = address;
        this.sniSection = sniSection;
        this.suggestion = suggestion;
    }

    void answer(List<Answer> answers) {
        this.answers = List.copyOf(answers);
    }

    /** Every answer, the company's first, then each attendee's; empty for a registration without any. */
    public List<Answer> getAnswers() {
        return answers == null ? List.of() : answers;
    }

    /** The company's answers (not an attendee's). */
    public List<Answer> companyAnswers() {
        return getAnswers().stream().filter(a -> a.attendeeId() == null).toList();
    }

    /** One attendee's answers. */
    public List<Answer> answersOf(String attendeeId) {
        return getAnswers().stream()
                .filter(a -> attendeeId.equals(a.attendeeId()))
                .toList();
    }

    /** The answer to a question, of the company or of one attendee (null for the company). */
    public Optional<Answer> answer(String questionId, String attendeeId) {
        return getAnswers().stream()
                .filter(a -> a.questionId().equals(questionId) && Objects.equals(a.attendeeId(), attendeeId))
                .findFirst();
    }

    public String getId() {
        return id;
    }

    public String getDayId() {
        return dayId;
    }

    public Status getStatus() {
        return status;
    }

    public Company getCompany() {
        return company;
    }

    public Contact getContact() {
        return contact;
    }

    public int getAttendees() {
        return attendees;
    }

    /**
     * The people the company sends, numbered 1, 2, 3 in the order they were entered. A registration
     * stored before attendees were named has only a count and the company's sessions; it reads as that
     * many unnamed attendees who each attend them all.
     */
    public List<Participant> getParticipants() {
        if (participants != null) {
            return participants;
        }
        return IntStream.rangeClosed(1, attendees)
                .mapToObj(i -> new Participant(Integer.toString(i), null, null, null, sessionIds, null))
                .toList();
    }

    /** Which sessions each attendee attends, by attendee id: what the seats are claimed for. */
    public Map<String, List<String>> sessionsByAttendee() {
        Map<String, List<String>> sessions = new LinkedHashMap<>();
        getParticipants().forEach(p -> sessions.put(p.id(), p.sessionIds()));
        return sessions;
    }

    public Optional<Participant> participant(String id) {
        return getParticipants().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public List<String> getSessionIds() {
        return sessionIds;
    }

    public Address getAddress() {
        return address;
    }

    public SniSection getSniSection() {
        return sniSection;
    }

    public String getSuggestion() {
        return suggestion;
    }

    public VisitRequest getVisitRequest() {
        return visitRequest;
    }

    public String getLanguage() {
        return language;
    }

    public Instant getConsentedAt() {
        return consentedAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public Instant getErasedAt() {
        return erasedAt;
    }

    /** The persons erased while the registration stays, the latest first. */
    public List<PersonErasure> getPersonErasures() {
        return personErasures == null
                ? List.of()
                : personErasures.values().stream()
                        .sorted(Comparator.comparing(PersonErasure::at).reversed())
                        .toList();
    }

    public Map<String, Instant> getErasureConfirmations() {
        return erasureConfirmations == null ? Map.of() : Map.copyOf(erasureConfirmations);
    }

    public Unreachable getContactUnreachable() {
        return contactUnreachable;
    }

    public List<Happening> getHistory() {
        return history == null ? List.of() : List.copyOf(history);
    }

    public Instant getContestedAt() {
        return contestedAt;
    }

    public String getContestedWith() {
        return contestedWith;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public Instant getManageExpiresAt() {
        return manageExpiresAt;
    }

    public Instant getConfirmationExpiresAt() {
        return confirmationExpiresAt;
    }
}
