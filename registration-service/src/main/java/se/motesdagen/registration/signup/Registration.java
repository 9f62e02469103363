package se.motesdagen.registration.signup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import se.motesdagen.platform.outbox.OutboxEvent;

/**
 * A company's registration for one day. The company is the unit: one registration per
 * organisationsnummer and day, with several attendees.
 *
 * <p>Every change is one document write that also appends its events to {@link #outbox}, which is
 * how the change and its publication stay atomic without transactions.
 */
@Document("registrations")
@CompoundIndex(
        name = "one_registration_per_company_and_event",
        def = "{'eventId': 1, 'company.organisationNumber': 1}",
        unique = true)
public class Registration {

    @Id
    private String id;

    @Version
    private Long version;

    @Indexed
    private String eventId;

    private Status status;
    private Company company;
    private Contact contact;
    private int attendees;
    private List<String> sessionIds;
    private VisitRequest visitRequest;
    private String language;
    private Instant consentedAt;
    private Instant submittedAt;
    private Instant confirmedAt;

    @Indexed(unique = true, sparse = true)
    private String confirmationTokenHash;

    private Instant confirmationExpiresAt;

    private List<OutboxEvent> outbox = new ArrayList<>();

    protected Registration() {}

    Registration(
            String id,
            String eventId,
            Company company,
            Contact contact,
            int attendees,
            List<String> sessionIds,
            VisitRequest visitRequest,
            String language,
            Instant submittedAt,
            ConfirmationToken token) {
        this.id = id;
        this.eventId = eventId;
        this.status = Status.PENDING;
        this.company = company;
        this.contact = contact;
        this.attendees = attendees;
        this.sessionIds = List.copyOf(sessionIds);
        this.visitRequest = visitRequest;
        this.language = language;
        this.consentedAt = submittedAt;
        this.submittedAt = submittedAt;
        this.confirmationTokenHash = token.hash();
        this.confirmationExpiresAt = token.expiresAt();
    }

    /** What opening the confirm link does to this registration, decided before anything changes. */
    ConfirmOutcome confirm(Instant now) {
        if (status == Status.CONFIRMED) {
            return ConfirmOutcome.ALREADY_CONFIRMED;
        }
        if (now.isAfter(confirmationExpiresAt)) {
            return ConfirmOutcome.EXPIRED;
        }
        status = Status.CONFIRMED;
        confirmedAt = now;
        return ConfirmOutcome.CONFIRMED;
    }

    void record(OutboxEvent event) {
        outbox.add(event);
    }

    public enum Status {
        PENDING,
        CONFIRMED
    }

    enum ConfirmOutcome {
        CONFIRMED,
        ALREADY_CONFIRMED,
        EXPIRED
    }

    /**
     * The company. A sole trader has no organisationsnummer; its identity key is a keyed hash of the
     * owner's personnummer, which itself is never stored.
     */
    public record Company(String name, String organisationNumber, boolean soleTrader, String identityKey) {}

    public record Contact(String name, String email, String phone) {}

    public record VisitRequest(String address, String topics) {}

    public String getId() {
        return id;
    }

    public String getEventId() {
        return eventId;
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

    public List<String> getSessionIds() {
        return sessionIds;
    }

    public VisitRequest getVisitRequest() {
        return visitRequest;
    }

    public String getLanguage() {
        return language;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public Instant getConfirmationExpiresAt() {
        return confirmationExpiresAt;
    }
}
