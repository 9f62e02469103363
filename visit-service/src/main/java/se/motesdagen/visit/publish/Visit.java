package se.motesdagen.visit.publish;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import se.motesdagen.platform.outbox.HasOutbox;
import se.motesdagen.platform.outbox.OutboxEvent;
import se.motesdagen.visit.request.VisitRequests;

/**
 * A published visit: when, who comes, and what the company answered. Its events wait in its own
 * {@code outbox} until the relay has published them, written in the same save as the change they report.
 */
@Document("visits")
public class Visit implements HasOutbox {

    public enum Status {
        /** Published; the company has not answered. */
        SCHEDULED,
        /** The company confirmed the time. */
        CONFIRMED,
        /** The company asked for another time: back on the board. */
        CHANGE_REQUESTED,
        /** Taken out of the plan. */
        CANCELLED,
        /** Made, and its report written. */
        COMPLETED
    }

    /**
     * What the hosts write after the visit. The notes may be public documents (allmänna handlingar);
     * only the areas and the wish for feedback leave the service, in VisitCompleted.
     */
    public record Report(
            String worksWell,
            String worksBadly,
            List<String> areas,
            String feedbackWanted,
            String followUps,
            List<FollowUp> actions,
            String writtenBy,
            Instant writtenAt) {

        public List<FollowUp> actions() {
            return actions == null ? List.of() : actions;
        }

        /** How many things are to be followed up: the actions, and the lines of the free notes. */
        int followUpCount() {
            int notes = followUps == null || followUps.isBlank()
                    ? 0
                    : followUps.strip().split("\\R+").length;
            return actions().size() + notes;
        }
    }

    /** Something to follow up after the visit: what, who answers for it, and by when. */
    public record FollowUp(String what, String owner, LocalDate due) {}

    /** A host as the company and the events see them. */
    public record HostRef(String hostId, String name, String role, String title, String email, String phone) {}

    /** How an erased host stands on the visits they were on. */
    public static final String ERASED_HOST = "(raderad värd)";

    @Id
    private String id;

    @Indexed
    private String registrationId;

    @Indexed
    private LocalDate day;

    private String dayName;
    private String company;
    private String address;
    private String contactName;
    private String contactEmail;
    private String contactPhone;
    /** Who at the company meets the visitors, when not the contact person. */
    private String meets;

    private String language;
    private String teamId;
    private List<HostRef> hosts;
    private List<String> topics;
    private Instant startsAt;
    private Instant endsAt;
    private int driveMinutesBefore;
    private double latitude;
    private double longitude;
    private Status status;

    /** SHA-256 of the secret in the company's links; the secret itself is kept nowhere. */
    @Indexed(sparse = true)
    private String tokenHash;

    private String changeReason;
    private String preferredTimes;
    private Instant publishedAt;
    private Instant answeredAt;
    private Report report;
    private List<OutboxEvent> outbox = new ArrayList<>();

    @Version
    private Long version;

    protected Visit() {}

    Visit(String id, String registrationId, LocalDate day) {
        this.id = id;
        this.registrationId = registrationId;
        this.day = day;
    }

    void describe(
            String dayName,
            String company,
            String address,
            String contactName,
            String contactEmail,
            String contactPhone,
            String meets,
            String language,
            List<String> topics) {
        this.dayName = dayName;
        this.company = company;
        this.address = address;
        this.contactName = contactName;
        this.contactEmail = contactEmail;
        this.contactPhone = contactPhone;
        this.meets = meets;
        this.language = language;
        this.topics = List.copyOf(topics);
    }

    /** Where the team comes from and how: the drive before, and the place on the map. */
    void route(int driveMinutesBefore, double latitude, double longitude) {
        this.driveMinutesBefore = driveMinutesBefore;
        this.latitude = latitude;
        this.longitude = longitude;
    }

    void schedule(String teamId, List<HostRef> hosts, Instant startsAt, Instant endsAt, String tokenHash, Instant now) {
        this.teamId = teamId;
        this.hosts = List.copyOf(hosts);
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.tokenHash = tokenHash;
        this.status = Status.SCHEDULED;
        this.changeReason = null;
        this.preferredTimes = null;
        this.publishedAt = now;
        this.answeredAt = null;
    }

    void cancel(Instant now) {
        this.status = Status.CANCELLED;
        this.tokenHash = null;
        this.publishedAt = now;
    }

    /**
     * The retention period ran out: the company's people and their words go (contact, who meets, the
     * reason for another time, the links); the visit, its company, time, hosts and report of facts stay
     * as the municipality's record.
     */
    void forgetPeople() {
        forgetContact();
        this.meets = null;
        this.changeReason = null;
        this.preferredTimes = null;
    }

    /**
     * Erasure on request: also everything that leads to the company (its name, address and where it
     * lies, the topics it gave, and the report's words, which quote its people); what stays is that a
     * visit of these hosts took place that day, at that time, about those areas, for the figures.
     */
    void erase() {
        forgetPeople();
        this.company = null;
        this.address = null;
        this.latitude = 0;
        this.longitude = 0;
        this.topics = List.of();
        if (report != null) {
            report = new Report(
                    null, null, report.areas(), null, null, List.of(), report.writtenBy(), report.writtenAt());
        }
    }

    /**
     * A host erased: on this visit they are a place in the team with no name, address or phone, and a
     * report they signed is signed by nobody. Nothing else of the visit changes.
     */
    boolean forgetHost(String hostId, String email) {
        boolean changed = false;
        if (hosts != null && hosts.stream().anyMatch(h -> hostId.equals(h.hostId()))) {
            hosts = hosts.stream()
                    .map(h -> hostId.equals(h.hostId())
                            ? new HostRef(h.hostId(), ERASED_HOST, h.role(), null, null, null)
                            : h)
                    .toList();
            changed = true;
        }
        if (report != null && report.writtenBy() != null && report.writtenBy().equalsIgnoreCase(email)) {
            report = new Report(
                    report.worksWell(),
                    report.worksBadly(),
                    report.areas(),
                    report.feedbackWanted(),
                    report.followUps(),
                    report.actions(),
                    null,
                    report.writtenAt());
            changed = true;
        }
        return changed;
    }

    /** The contact person erased: how to reach them, and their answer links (they were theirs), go. */
    void forgetContact() {
        this.contactName = null;
        this.contactEmail = null;
        this.contactPhone = null;
        this.tokenHash = null;
    }

    /** Why the company's visit is off when it withdrew the wish itself, in its language. */
    String withdrawnReason() {
        return "en".equals(language)
                ? "You withdrew the request for a visit, or cancelled the registration."
                : "Ni har återkallat önskan om besök eller avbokat anmälan.";
    }

    void confirm(Instant now) {
        this.status = Status.CONFIRMED;
        this.answeredAt = now;
    }

    void askForAnotherTime(String reason, String preferredTimes, Instant now) {
        this.status = Status.CHANGE_REQUESTED;
        this.changeReason = reason;
        this.preferredTimes = preferredTimes;
        this.answeredAt = now;
    }

    void complete(Report report) {
        this.report = report;
        this.status = Status.COMPLETED;
        this.tokenHash = null; // the company's links have done their work
    }

    public Report getReport() {
        return report;
    }

    /** Whether publishing this team, these hosts and this time changes what the company was told. */
    boolean differsFrom(List<HostRef> otherHosts, Instant otherStart) {
        List<String> ours =
                hosts == null ? List.of() : hosts.stream().map(HostRef::hostId).toList();
        return !otherStart.equals(startsAt)
                || !ours.equals(otherHosts.stream().map(HostRef::hostId).toList());
    }

    public String getId() {
        return id;
    }

    public String getRegistrationId() {
        return registrationId;
    }

    /** The registration the visit was asked for in, as the events name it: none for a visit staff added by hand. */
    String registration() {
        return VisitRequests.addedByHand(registrationId) ? null : registrationId;
    }

    public LocalDate getDay() {
        return day;
    }

    public String getDayName() {
        return dayName;
    }

    public String getCompany() {
        return company;
    }

    public String getAddress() {
        return address;
    }

    public String getContactName() {
        return contactName;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public String getMeets() {
        return meets;
    }

    public String getLanguage() {
        return language;
    }

    public String getTeamId() {
        return teamId;
    }

    public List<HostRef> getHosts() {
        return hosts == null ? List.of() : hosts;
    }

    public List<String> getTopics() {
        return topics == null ? List.of() : topics;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public int getDriveMinutesBefore() {
        return driveMinutesBefore;
    }

    public double getLatitude() {
        return latitude;
    }

    public double getLongitude() {
        return longitude;
    }

    public Status getStatus() {
        return status;
    }

    public String getChangeReason() {
        return changeReason;
    }

    public String getPreferredTimes() {
        return preferredTimes;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    @Override
    public List<OutboxEvent> outbox() {
        return outbox;
    }
}
