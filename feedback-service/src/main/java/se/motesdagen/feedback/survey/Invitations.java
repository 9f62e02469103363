package se.motesdagen.feedback.survey;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import se.motesdagen.feedback.participant.Participant;
import se.motesdagen.feedback.participant.Participants;
import se.motesdagen.feedback.proposal.Proposal;
import se.motesdagen.feedback.proposal.Proposals;
import se.motesdagen.platform.messaging.AddressKey;
import se.motesdagen.platform.outbox.AccessAnswers.Held;
import se.motesdagen.platform.outbox.FreshRead;
import se.motesdagen.platform.outbox.Outbox;
import se.motesdagen.platform.security.LinkSeal;
import se.motesdagen.platform.security.LinkSecret;
import se.motesdagen.platform.storage.SameAddress;

/**
 * Survey invitations: made when there is something to ask about (a visit done), answered through their
 * link (saved as the respondent goes, counted once when sent), and told to the rest of the system
 * through the outbox: {@code FeedbackRequested} for the mail, {@code FeedbackSubmitted} for the answer.
 */
@Service
public class Invitations {

    static final String REQUESTED_V2 = "se.motesdagen.feedback.requested.v2";
    static final String SUBMITTED_V1 = "se.motesdagen.feedback.submitted.v1";
    static final String TOOK_PART_V1 = "se.motesdagen.feedback.took-part.v1";
    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final Logger log = LoggerFactory.getLogger(Invitations.class);

    private final InvitationRepository invitations;
    private final Participants participants;
    private final MongoOperations mongo;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;
    private final SurveySettings settings;
    private final Proposals proposals;
    private final LinkSeal seal;
    private final String publicBaseUrl;

    Invitations(
            InvitationRepository invitations,
            Participants participants,
            MongoOperations mongo,
            Outbox outbox,
            Clock clock,
            MeterRegistry meters,
            SurveySettings settings,
            Proposals proposals,
            LinkSeal seal,
            @Value("${motesdagen.public-base-url}") String publicBaseUrl) {
        this.seal = seal;
        this.proposals = proposals;
        this.invitations = invitations;
        this.participants = participants;
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
        this.settings = settings;
        this.publicBaseUrl = publicBaseUrl;
    }

    /**
     * A visit is done: its company's contact is asked what they thought, once however often the event
     * comes. A visit without a registration (added by hand), or whose registration is not known here or
     * was erased, has nobody to ask.
     */
    public void afterVisit(String visitId, String registrationId, String companyName, OffsetDateTime startsAt) {
        String id = "visit-" + visitId;
        if (invitations.existsById(id)) {
            return;
        }
        Optional<Participant> participant = participants.find(registrationId);
        if (participant.isEmpty()) {
            log.info("Visit {} done; nobody known to ask for feedback", visitId);
            meters.counter("motesdagen.feedback.invitations.skipped", "kind", "visit")
                    .increment();
            return;
        }
        boolean english = "en".equals(participant.get().language());
        invite(
                id,
                "visit",
                participant.get(),
                visitId,
                // in a sentence: "a few questions about företagsbesöket hos …"; pages capitalise it where it starts one
                (english ? "the company visit to " : "företagsbesöket hos ") + companyName,
                startsAt == null ? null : startsAt.atZoneSameInstant(STOCKHOLM).toLocalDate());
    }

    /**
     * The yearly service survey: every company's contact is asked how it finds the municipality's
     * service, once a year however often staff press the button. Returns whether this one was asked now.
     */
    public boolean yearly(Participant participant, int year) {
        String id = "yearly-" + year + "-" + participant.registrationId();
        if (invitations.existsById(id)) {
            return false;
        }
        boolean english = "en".equals(participant.language());
        invite(
                id,
                "yearly",
                participant,
                null,
                (english ? "the municipality's service " : "kommunens service ") + year,
                LocalDate.now(clock.withZone(STOCKHOLM)));
        return invitations.existsById(id);
    }

    /** The company came to the day: its contact is asked what they thought, once. */
    public void afterDay(Participant participant) {
        String id = "day-" + participant.registrationId();
        if (!invitations.existsById(id)) {
            invite(id, "day", participant, null, participant.dayName(), participant.dayDate());
        }
    }

    private void invite(
            String id, String kind, Participant contact, String visitId, String aboutTitle, LocalDate aboutDate) {
        Instant now = clock.instant();
        String token = LinkSecret.issue();
        Invitation invitation = new Invitation(
                id,
                kind,
                contact.registrationId(),
                visitId,
                contact.contactName(),
                contact.contactEmail(),
                "en".equals(contact.language()) ? "en" : "sv",
                contact.companyName(),
                aboutTitle,
                aboutDate,
                LinkSecret.hash(token),
                now,
                now.plus(settings.open()));
        outbox.record(invitation, REQUESTED_V2, id, requested(invitation, token, now));
        try {
            invitations.insert(invitation);
        } catch (DuplicateKeyException concurrentDuplicate) {
            return; // the other delivery asked; once is what we want
        }
        meters.counter("motesdagen.feedback.invitations.sent", "kind", kind).increment();
        log.info("Feedback asked for: {}", id);
    }

    /**
     * Reminds those who have not answered: at most two reminders, each when its time after the
     * invitation has come ({@link SurveySettings#reminders()}), never once the survey has closed. A
     * reminder carries a link of its own. Returns how many were sent.
     */
    public int remind(Instant now) {
        List<Duration> after = settings.reminders();
        int sent = 0;
        for (Invitation waiting :
                invitations.findAllBySubmittedAtIsNullAndRoundLessThanAndClosesAtAfter(after.size(), now)) {
            if (waiting.getCreatedAt().plus(after.get(waiting.getRound())).isAfter(now)
                    || !waiting.open(now)
                    || waiting.recipientEmail() == null) {
                continue;
            }
            boolean reminded = FreshRead.retrying(() -> invitations
                    .findById(waiting.getId())
                    .filter(i -> i.getSubmittedAt() == null && i.getRound() == waiting.getRound())
                    .map(i -> {
                        String token = LinkSecret.issue();
                        i.remind(LinkSecret.hash(token));
                        outbox.record(i, REQUESTED_V2, i.getId(), requested(i, token, now));
                        invitations.save(i);
                        return true;
                    })
                    .orElse(false));
            sent += reminded ? 1 : 0;
        }
        if (sent > 0) {
            log.info("{} survey reminders sent", sent);
            meters.counter("motesdagen.feedback.reminders.sent").increment(sent);
        }
        return sent;
    }

    /** Every invitation, answered or not: what the figures are made of. */
    public List<Invitation> all() {
        return invitations.findAll();
    }

    /** The invitation its link opens; empty for a forged or mistyped link. */
    public Optional<Invitation> byToken(String token) {
        if (!LinkSecret.isWellFormed(token)) {
            return Optional.empty();
        }
        String hash = LinkSecret.hash(token);
        return invitations.findFirstByTokenHashOrMoreTokenHashes(hash, hash);
    }

    /** What saving or sending came to. */
    public sealed interface Outcome {}

    public record Saved(Invitation invitation) implements Outcome {}

    public record Submitted(Invitation invitation) implements Outcome {}

    /** Already sent, or closed: nothing changed. */
    public record NotOpen(Invitation invitation) implements Outcome {}

    public record Unknown() implements Outcome {}

    /** Keeps what has been answered so far; the same link finishes it later. */
    public Outcome save(String token, Invitation.Answer answer) {
        return FreshRead.retrying(() -> byToken(token)
                .<Outcome>map(invitation -> {
                    Instant now = clock.instant();
                    if (!invitation.open(now)) {
                        return new NotOpen(invitation);
                    }
                    invitation.save(answer, now);
                    invitations.save(invitation);
                    return new Saved(invitation);
                })
                .orElseGet(Unknown::new));
    }

    /** Sends the answer: counted once, and told as {@code FeedbackSubmitted}; sending again changes nothing. */
    public Outcome submit(String token, Invitation.Answer answer) {
        return FreshRead.retrying(() -> byToken(token)
                .<Outcome>map(invitation -> {
                    Instant now = clock.instant();
                    if (!invitation.open(now)) {
                        return new NotOpen(invitation);
                    }
                    invitation.submit(answer, now);
                    outbox.record(invitation, SUBMITTED_V1, invitation.getId(), submitted(invitation, now));
                    invitations.save(invitation);
                    meters.counter("motesdagen.feedback.responses", "kind", invitation.getKind())
                            .increment();
                    proposals.receive(proposalSourceOf(invitation.getId()), Proposal.Source.SURVEY, answer.change());
                    log.info("Survey {} answered", invitation.getId());
                    return new Submitted(invitation);
                })
                .orElseGet(Unknown::new));
    }

    /**
     * Access (GDPR art. 15): the invitations of the registrations or sent to the address, with what was
     * answered on them. Staff reading the results never see an answer beside its person; the person
     * asking about themselves does, because the invitation keeps both until it is erased.
     */
    public List<Held> heldAbout(List<String> registrationIds, String email) {
        List<Criteria> about = new ArrayList<>();
        about.add(Criteria.where("registrationId").in(registrationIds));
        if (email != null) {
            about.add(SameAddress.in("recipientEmail", email));
        }
        return mongo.find(Query.query(new Criteria().orOperator(about)), Invitation.class).stream()
                .map(invitation -> {
                    Invitation.Answer answer = invitation.getAnswer();
                    return Held.of("Enkätinbjudan", invitation.getId())
                            .field("Mottagare", invitation.getRecipientName())
                            .field("E-post", invitation.recipientEmail())
                            .field("Företag", invitation.getCompanyName())
                            .field(
                                    "Om",
                                    invitation.getAboutTitle()
                                            + (invitation.getAboutDate() == null
                                                    ? ""
                                                    : " (" + invitation.getAboutDate() + ")"))
                            .field("Skickad", invitation.getCreatedAt())
                            .field("Påminnelser", invitation.getRound())
                            .field("Sparad", invitation.getSavedAt())
                            .field("Skickade in svaren", invitation.getSubmittedAt())
                            .field(
                                    "Betyg",
                                    answer == null || answer.ratings() == null
                                            ? null
                                            : answer.ratings().entrySet().stream()
                                                    .map(r -> r.getKey() + ": "
                                                            + (r.getValue() == null ? "vet inte" : r.getValue()))
                                                    .collect(Collectors.joining("\n")))
                            .field("Vad kommunen borde ändra", answer == null ? null : answer.change())
                            .field("Vill bli kontaktad", answer != null && answer.wantsContact() ? "ja" : null)
                            .field("Vill höra av kommunen via", answer == null ? null : answer.hearBack())
                            .field("Område", answer == null ? null : answer.area())
                            .build();
                })
                .toList();
    }

    /**
     * Erasure (GDPR): the invitations of the registration forget the person and the link; the answers stay,
     * anonymous, in the figures.
     */
    public void forget(String registrationId) {
        Query ofRegistration = Query.query(Criteria.where("registrationId").is(registrationId));
        // what names the company (the visit's title does, "the company visit to …") goes with the registration
        mongo.updateMulti(
                ofRegistration,
                new Update().unset("companyName").unset("aboutTitle").unset("visitId"),
                Invitation.class);
        forget(ofRegistration);
        log.info("Survey invitations of registration {} no longer name anyone", registrationId);
    }

    /** What an answer's "what should change?" is received as on the proposals board. */
    public static String proposalSourceOf(String invitationId) {
        return "svar-" + invitationId;
    }

    /** The ids of the registration's invitations (a proposal from an answer is known by its invitation). */
    public List<String> idsOf(String registrationId) {
        Query ofRegistration = Query.query(Criteria.where("registrationId").is(registrationId));
        ofRegistration.fields().include("_id");
        return mongo.find(ofRegistration, Invitation.class).stream()
                .map(Invitation::getId)
                .toList();
    }

    /** One person of the registration erased: their invitations forget them as in {@link #forget(String)}. */
    public void forgetPerson(String registrationId, String addressKey) {
        List<String> theirs =
                mongo.find(Query.query(Criteria.where("registrationId").is(registrationId)), Invitation.class).stream()
                        .filter(invitation -> AddressKey.names(addressKey, invitation.recipientEmail()))
                        .map(Invitation::getId)
                        .toList();
        forget(Query.query(Criteria.where("_id").in(theirs)));
    }

    private void forget(Query which) {
        mongo.updateMulti(
                which,
                new Update()
                        .unset("registrationId")
                        .unset("recipientName")
                        .unset("recipientEmail")
                        .unset("tokenHash")
                        .unset("moreTokenHashes")
                        // the words of the answer may name the person; the grades stay, anonymous
                        .unset("answer.change")
                        .unset("answer.hearBack")
                        .set("answer.wantsContact", false),
                Invitation.class);
    }

    /**
     * The retention period (the gallringsbeslut): invitations created before {@code before} forget the
     * person and the link as an erasure would, also those about a visit added by hand that no
     * registration's erasure reaches. The answers stay, anonymous, in the figures.
     *
     * @return how many invitations
     */
    public long forgetCreatedBefore(Instant before) {
        // who asked to be contacted goes first, while the person's fields still find those invitations
        mongo.updateMulti(
                Query.query(Criteria.where("createdAt")
                        .lt(before)
                        .and("answer.wantsContact")
                        .is(true)
                        .and("recipientEmail")
                        .exists(true)),
                new Update().set("answer.wantsContact", false),
                Invitation.class);
        long forgotten = mongo.updateMulti(
                        Query.query(Criteria.where("createdAt")
                                .lt(before)
                                .orOperator(
                                        Criteria.where("recipientEmail").exists(true),
                                        Criteria.where("recipientName").exists(true))),
                        new Update()
                                .unset("recipientName")
                                .unset("recipientEmail")
                                .unset("tokenHash")
                                .unset("moreTokenHashes"),
                        Invitation.class)
                .getModifiedCount();
        log.info("Retention: {} survey invitations created before {} no longer name anyone", forgotten, before);
        return forgotten;
    }

    private Map<String, Object> requested(Invitation invitation, String token, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("invitationId", invitation.getId());
        body.put("registrationId", invitation.getRegistrationId());
        body.put("surveyKind", invitation.getKind());
        body.put("round", invitation.getRound());
        body.put("recipient", Map.of("name", invitation.getRecipientName(), "email", invitation.recipientEmail()));
        body.put("language", invitation.getLanguage());
        body.put("companyName", invitation.getCompanyName());
        body.put("about", about(invitation));
        // sealed for the notification service: nothing else that reads or keeps the event can use the link
        body.put("surveyLink", seal.seal(publicBaseUrl + "/aterkoppling/enkat?token=" + token, invitation.getId()));
        body.put("closesAt", invitation.getClosesAt().toString());
        body.put("requestedAt", now.toString());
        return body;
    }

    private Map<String, Object> submitted(Invitation invitation, Instant now) {
        Questionnaire questionnaire = settings.questionnaire();
        Invitation.Answer answer = invitation.getAnswer();
        Map<String, Object> factors = new LinkedHashMap<>();
        for (String factor : questionnaire.factors()) {
            Integer step = answer.rating(factor);
            factors.put(
                    factor, step == null ? null : round(questionnaire.scale().toIndex(step)));
        }
        var nki = questionnaire
                .scale()
                .respondent(questionnaire.nki().stream().map(answer::rating).toList());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("responseId", invitation.getId());
        body.put("surveyKind", invitation.getKind());
        Map<String, Object> about = about(invitation);
        about.put("visitId", invitation.getVisitId());
        body.put("about", about);
        body.put("nki", nki.isPresent() ? round(nki.getAsDouble()) : null);
        body.put("factors", factors);
        body.put("change", answer.change());
        body.put("hearBack", answer.hearBack());
        body.put("area", answer.area());
        body.put("wantsContact", answer.wantsContact());
        body.put("registrationId", answer.wantsContact() ? invitation.getRegistrationId() : null);
        body.put("language", invitation.getLanguage());
        body.put("submittedAt", now.toString());
        return body;
    }

    /**
     * Once a survey has closed, that a company answered it (never what) goes on its registration's
     * timeline: one TookPart per answered invitation, dated the day the survey closed, so the event cannot
     * be matched by its time to the anonymous answers that went out when they were sent. Once each.
     *
     * @return how many were told
     */
    public int reportAnswered(Instant now) {
        Query closedAndAnswered = Query.query(Criteria.where("closesAt")
                .lte(now)
                .and("submittedAt")
                .ne(null)
                .and("registrationId")
                .ne(null)
                .and("tookPartReportedAt")
                .is(null));
        closedAndAnswered
                .fields()
                .include("_id")
                .include("registrationId")
                .include("aboutTitle")
                .include("aboutDate")
                .include("closesAt")
                .include("kind");
        int told = 0;
        for (Invitation answered : mongo.find(closedAndAnswered, Invitation.class)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("registrationId", answered.getRegistrationId());
            body.put("what", "survey");
            body.put("about", about(answered));
            body.put(
                    "closedOn",
                    answered.getClosesAt().atZone(STOCKHOLM).toLocalDate().toString());
            told += (int) outbox.updateFirst(
                            Query.query(Criteria.where("_id")
                                    .is(answered.getId())
                                    .and("tookPartReportedAt")
                                    .is(null)),
                            new Update().set("tookPartReportedAt", now),
                            Invitation.class,
                            TOOK_PART_V1,
                            answered.getRegistrationId(),
                            body)
                    .getModifiedCount();
        }
        return told;
    }

    /** What the survey is about, as the events say it. */
    private static Map<String, Object> about(Invitation invitation) {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("title", invitation.getAboutTitle());
        about.put(
                "date",
                invitation.getAboutDate() == null
                        ? null
                        : invitation.getAboutDate().toString());
        return about;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
