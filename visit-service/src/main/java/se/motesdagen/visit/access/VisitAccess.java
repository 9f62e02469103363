package se.motesdagen.visit.access;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import se.motesdagen.platform.outbox.AccessAnswers;
import se.motesdagen.platform.outbox.AccessAnswers.Held;
import se.motesdagen.platform.storage.SameAddress;
import se.motesdagen.visit.host.Host;
import se.motesdagen.visit.publish.Publishing;
import se.motesdagen.visit.publish.Visit;
import se.motesdagen.visit.request.VisitRequest;

/**
 * This service's answer to an access request (GDPR art. 15): the visit requests and visits of the
 * registrations found, of the organisation or of the e-mail address (as the contact, or as a host on
 * the visit), and the host's own entry in the roster. Read out in Swedish, as the person will read it.
 */
@Service
public class VisitAccess {

    static final String ACCESS_ANSWERED_V1 = "se.motesdagen.visit.access-answered.v1";
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH.mm").withZone(Publishing.STOCKHOLM);

    private final MongoOperations mongo;
    private final AccessAnswers answers;

    VisitAccess(MongoOperations mongo, AccessAnswers answers) {
        this.mongo = mongo;
        this.answers = answers;
    }

    /** Answers once per request; the same request delivered again changes nothing. */
    public void answer(String requestId, String email, String organisationNumber, List<String> registrationIds) {
        List<Held> held = new ArrayList<>();
        for (VisitRequest request : mongo.find(
                Query.query(anyOf(
                        Criteria.where("_id").in(registrationIds),
                        email == null ? null : SameAddress.in("contactEmail", email),
                        organisationNumber == null
                                ? null
                                : Criteria.where("organisationNumber").is(organisationNumber))),
                VisitRequest.class)) {
            held.add(of(request));
        }
        for (Visit visit : mongo.find(
                Query.query(anyOf(
                        Criteria.where("registrationId").in(registrationIds),
                        email == null ? null : SameAddress.in("contactEmail", email),
                        email == null ? null : SameAddress.in("hosts.email", email))),
                Visit.class)) {
            held.add(of(visit));
        }
        if (email != null) {
            for (Host host : mongo.find(Query.query(SameAddress.in("email", email)), Host.class)) {
                held.add(of(host));
            }
        }
        answers.answer(ACCESS_ANSWERED_V1, requestId, held);
    }

    private static Criteria anyOf(Criteria... criteria) {
        return new Criteria()
                .orOperator(Arrays.stream(criteria).filter(Objects::nonNull).toList());
    }

    private static Held of(VisitRequest r) {
        return Held.of("Önskemål om företagsbesök", r.registrationId())
                .field("Dag", r.dayName() + (r.dayDate() == null ? "" : " (" + r.dayDate() + ")"))
                .field("Företag", r.companyName())
                .field("Organisationsnummer", r.organisationNumber())
                .field("Kontaktperson", r.contactName())
                .field("E-post", r.contactEmail())
                .field("Telefon", r.contactPhone())
                .field("Adress för besöket", r.address())
                .field("Ort", r.town())
                .field("Vill prata om", r.topics())
                .field("Områden", String.join(", ", r.areas() == null ? List.of() : r.areas()))
                .field("Vem som tar emot", r.meets())
                .field("Tider då besöket kan tas emot", times(r.windows()))
                .field("Tider som avböjts", times(r.declined()))
                .field(
                        "Status",
                        switch (r.status()) {
                            case REQUESTED -> "önskat";
                            case VISITED -> "besökt";
                            case WITHDRAWN -> "återkallat";
                            case ERASED -> "raderat";
                        })
                .field("Önskat", r.requestedAt())
                .field("Ändrat", r.changedAt())
                .build();
    }

    private static Held of(Visit v) {
        Held.Builder held = Held.of("Företagsbesök", v.getId())
                .field("Dag", v.getDayName())
                .field("Företag", v.getCompany())
                .field("Adress", v.getAddress())
                .field("Kontaktperson", v.getContactName())
                .field("E-post", v.getContactEmail())
                .field("Telefon", v.getContactPhone())
                .field("Vem som tar emot", v.getMeets())
                .field(
                        "Tid",
                        v.getStartsAt() == null
                                ? null
                                : Held.minute(v.getStartsAt()) + "–"
                                        + MINUTE.format(v.getEndsAt()).substring(11))
                .field(
                        "Värdar",
                        v.getHosts() == null
                                ? null
                                : v.getHosts().stream()
                                        .map(h -> h.name() + (h.email() == null ? "" : " <" + h.email() + ">"))
                                        .collect(Collectors.joining(", ")))
                .field("Ämnen", v.getTopics() == null ? null : String.join(", ", v.getTopics()))
                .field(
                        "Status",
                        switch (v.getStatus()) {
                            case SCHEDULED -> "planerat";
                            case CONFIRMED -> "bekräftat";
                            case CHANGE_REQUESTED -> "ny tid önskad";
                            case CANCELLED -> "inställt";
                            case COMPLETED -> "genomfört";
                        })
                .field("Skäl till ny tid", v.getChangeReason())
                .field("Tider som passar bättre", v.getPreferredTimes())
                .field("Svar från företaget", v.getAnsweredAt());
        Visit.Report report = v.getReport();
        if (report != null) {
            held.field("Rapport: det här fungerar bra", report.worksWell())
                    .field("Rapport: det här fungerar mindre bra", report.worksBadly())
                    .field("Rapport: att följa upp", report.followUps())
                    .field(
                            "Rapport: åtgärder",
                            report.actions().stream()
                                    .map(a -> a.what() + (a.owner() == null ? "" : " (" + a.owner() + ")"))
                                    .collect(Collectors.joining("\n")))
                    .field("Rapport skriven", report.writtenAt());
        }
        return held.build();
    }

    private static Held of(Host h) {
        return Held.of("Värd (politiker eller tjänsteperson)", h.id())
                .field("Namn", h.name())
                .field("E-post", h.email())
                .field("Telefon", h.phone())
                .field("Roll", h.role() == Host.Role.POLITICIAN ? "politiker" : "tjänsteperson")
                .field("Parti eller förvaltning", h.affiliation())
                .field("Kunskapsområden", h.expertise() == null ? null : String.join(", ", h.expertise()))
                .field(
                        "Tillgänglig",
                        h.availability() == null
                                ? null
                                : h.availability().stream()
                                        .map(a -> a.day() + " " + a.from() + "–" + a.to())
                                        .collect(Collectors.joining("\n")))
                .field("Ändrad", h.updatedAt())
                .build();
    }

    private static String times(List<VisitRequest.Receivable> windows) {
        return windows == null
                ? null
                : windows.stream()
                        .map(w -> Held.minute(w.from()) + "–"
                                + MINUTE.format(w.to()).substring(11))
                        .collect(Collectors.joining("\n"));
    }
}
