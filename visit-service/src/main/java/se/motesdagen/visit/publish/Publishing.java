package se.motesdagen.visit.publish;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import se.motesdagen.platform.outbox.FreshRead;
import se.motesdagen.platform.outbox.Outbox;
import se.motesdagen.platform.security.LinkSeal;
import se.motesdagen.visit.host.Host;
import se.motesdagen.visit.host.HostErased;
import se.motesdagen.visit.host.Hosts;
import se.motesdagen.visit.planning.PlannedVisit;
import se.motesdagen.visit.planning.PublishedVisits;
import se.motesdagen.visit.planning.Team;
import se.motesdagen.visit.planning.TeamMember;
import se.motesdagen.visit.planning.VisitPlan;
import se.motesdagen.visit.request.ContactErased;
import se.motesdagen.visit.request.VisitRequest;
import se.motesdagen.visit.request.VisitRequestWithdrawn;
import se.motesdagen.visit.request.VisitRequests;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishing a plan tells only what changed: a visit new to the plan gets {@code VisitScheduled}, one
 * whose time or hosts moved {@code VisitRescheduled} (with new links: the old ones stop working), one no
 * longer in it {@code VisitCancelled}, and each host whose day changed {@code ItineraryPublished}.
 * Publishing the same plan twice sends nothing the second time.
 */
@Service
public class Publishing implements PublishedVisits {

    static final String SCHEDULED_V2 = "se.motesdagen.visit.scheduled.v2";
    static final String RESCHEDULED_V2 = "se.motesdagen.visit.rescheduled.v2";
    static final String CANCELLED_V1 = "se.motesdagen.visit.cancelled.v1";
    static final String ITINERARY_V1 = "se.motesdagen.visit.itinerary-published.v1";
    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final Logger log = LoggerFactory.getLogger(Publishing.class);

    private final VisitRepository visits;
    private final ItineraryRepository itineraries;
    private final Hosts hosts;
    private final VisitRequests requests;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock;
    private final LinkSeal seal;
    private final String publicBaseUrl;

    Publishing(
            VisitRepository visits,
            ItineraryRepository itineraries,
            Hosts hosts,
            VisitRequests requests,
            Outbox outbox,
            JsonMapper json,
            Clock clock,
            LinkSeal seal,
            @Value("${motesdagen.public-base-url}") String publicBaseUrl) {
        this.seal = seal;
        this.visits = visits;
        this.itineraries = itineraries;
        this.hosts = hosts;
        this.requests = requests;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** The visits of the day the companies have a time for (given or confirmed): a new proposal keeps them. */
    @Override
    public List<Kept> kept(LocalDate day) {
        return visits.findAllByDay(day).stream()
                .filter(v -> v.getStatus() == Visit.Status.SCHEDULED || v.getStatus() == Visit.Status.CONFIRMED)
                .map(v -> new Kept(
                        v.getRegistrationId(),
                        v.getHosts().stream().map(Visit.HostRef::hostId).collect(Collectors.toSet()),
                        LocalDateTime.ofInstant(v.getStartsAt(), STOCKHOLM)))
                .toList();
    }

    /** What publishing did, counted for the board. */
    public record Published(int scheduled, int rescheduled, int cancelled, int unchanged, int itineraries) {}

    public Published publish(LocalDate day, VisitPlan plan) {
        Instant now = clock.instant();
        Map<String, Host> roster = hosts.all().stream().collect(Collectors.toMap(Host::id, Function.identity()));
        Map<String, VisitRequest> open =
                requests.open().stream().collect(Collectors.toMap(VisitRequest::registrationId, Function.identity()));
        int scheduled = 0;
        int rescheduled = 0;
        int cancelled = 0;
        int unchanged = 0;
        Set<String> planned = new HashSet<>();
        for (PlannedVisit planned0 : plan.getVisits()) {
            VisitRequest request = open.get(planned0.getId());
            if (planned0.getTeam() == null || request == null) {
                continue;
            }
            planned.add(visitId(planned0.getId()));
            switch (FreshRead.retrying(() -> publishVisit(day, planned0, request, roster, now))) {
                case SCHEDULED -> scheduled++;
                case RESCHEDULED -> rescheduled++;
                case UNCHANGED -> unchanged++;
            }
        }
        for (Visit stale : visits.findAllByDay(day)) {
            if (!planned.contains(stale.getId()) && stale.getStatus() != Visit.Status.CANCELLED) {
                cancelled += FreshRead.retrying(() -> cancelVisit(stale.getId(), now)) ? 1 : 0;
            }
        }
        int sent = publishItineraries(day, plan, roster, open, now);
        log.info(
                "Plan for {} published: {} scheduled, {} rescheduled, {} cancelled, {} unchanged, {} itineraries",
                day,
                scheduled,
                rescheduled,
                cancelled,
                unchanged,
                sent);
        return new Published(scheduled, rescheduled, cancelled, unchanged, sent);
    }

    private enum Outcome {
        SCHEDULED,
        RESCHEDULED,
        UNCHANGED
    }

    /** One visit of the plan, read fresh (the relay may have published its last events meanwhile). */
    private Outcome publishVisit(
            LocalDate day, PlannedVisit planned, VisitRequest request, Map<String, Host> roster, Instant now) {
        Optional<Visit> existing = visits.findById(visitId(planned.getId()));
        List<Visit.HostRef> hostRefs = planned.getTeam().getHosts().stream()
                .map(member -> hostRef(member, roster))
                .toList();
        Instant start = planned.getStart().atZone(STOCKHOLM).toInstant();
        Instant end = planned.getEnd().atZone(STOCKHOLM).toInstant();
        Visit visit =
                existing.orElseGet(() -> new Visit(visitId(request.registrationId()), request.registrationId(), day));
        if (visit.getStatus() == Visit.Status.COMPLETED) {
            return Outcome.UNCHANGED; // it took place: nothing to tell anybody
        }
        boolean fresh = existing.isEmpty() || visit.getStatus() == Visit.Status.CANCELLED;
        visit.route(
                planned.getDriveMinutes(),
                planned.getPlace().latitude(),
                planned.getPlace().longitude());
        // what the company last told (a new address, another contact, who meets the visitors) is what
        // the hosts' printed day shows, whether or not the time changes
        visit.describe(
                request.dayName(),
                request.companyName(),
                request.address(),
                request.contactName(),
                request.contactEmail(),
                request.contactPhone(),
                request.meets(),
                request.language(),
                planned.topicNames());
        if (!fresh && !visit.differsFrom(hostRefs, start)) {
            visits.save(visit); // the company's time stands; the drive before it may not (the visit before moved)
            return Outcome.UNCHANGED;
        }
        Instant previousStart = visit.getStartsAt();
        Instant previousEnd = visit.getEndsAt();
        String token = AnswerLinks.newToken();
        visit.schedule(planned.getTeam().getId(), hostRefs, start, end, AnswerLinks.hash(token), now);
        Map<String, Object> body = visitBody(visit);
        // the links go sealed for the notification service: nothing else that reads or keeps the event can use them
        body.put("confirmLink", seal.seal(publicBaseUrl + "/besok/svar?token=" + token, visit.getId()));
        body.put("changeRequestLink", seal.seal(publicBaseUrl + "/besok/annan-tid?token=" + token, visit.getId()));
        if (fresh) {
            body.put("scheduledAt", now.toString());
            outbox.record(visit, SCHEDULED_V2, visit.getId(), body);
        } else {
            body.put("previousStartsAt", offset(previousStart));
            body.put("previousEndsAt", offset(previousEnd));
            body.put("reason", null);
            body.put("rescheduledAt", now.toString());
            outbox.record(visit, RESCHEDULED_V2, visit.getId(), body);
        }
        save(visit);
        return fresh ? Outcome.SCHEDULED : Outcome.RESCHEDULED;
    }

    /**
     * A company that took its wish back, or cancelled, is not visited: a visit already published is
     * cancelled at once (the company gets word of it, the hosts with their next itinerary). After an
     * erasure nobody is told (there is nobody to tell), and the visit keeps nothing of the people.
     */
    @EventListener
    void withdrawn(VisitRequestWithdrawn withdrawn) {
        String id = visitId(withdrawn.registrationId());
        Instant now = clock.instant();
        if (withdrawn.erased()) {
            FreshRead.retrying(() -> {
                visits.findById(id).ifPresent(visit -> {
                    if (visit.getStatus() != Visit.Status.COMPLETED) {
                        visit.cancel(now);
                    }
                    visit.erase();
                    visits.save(visit);
                });
                return true;
            });
            return;
        }
        FreshRead.retrying(() -> cancelVisit(id, now, Visit::withdrawnReason));
    }

    /** A host erased: every visit they were on forgets them, and stays as it is otherwise. */
    @EventListener
    void hostErased(HostErased erased) {
        for (Visit on : visits.findByHostsHostId(erased.hostId())) {
            FreshRead.retrying(() -> visits.findById(on.getId())
                    .filter(visit -> visit.forgetHost(erased.hostId(), erased.email()))
                    .map(visits::save)
                    .isPresent());
        }
    }

    /** The contact erased while the registration stays: the visit keeps its time and hosts, not the contact. */
    @EventListener
    void contactErased(ContactErased erased) {
        FreshRead.retrying(() -> {
            visits.findById(visitId(erased.registrationId())).ifPresent(visit -> {
                visit.forgetContact();
                visits.save(visit);
            });
            return true;
        });
    }

    private boolean cancelVisit(String id, Instant now) {
        return cancelVisit(id, now, visit -> null);
    }

    private boolean cancelVisit(String id, Instant now, Function<Visit, String> reason) {
        Visit visit = visits.findById(id).orElse(null);
        if (visit == null
                || visit.getStatus() == Visit.Status.CANCELLED
                || visit.getStatus() == Visit.Status.COMPLETED) {
            return false;
        }
        Map<String, Object> body = visitBody(visit);
        body.put("reason", reason.apply(visit));
        body.put("cancelledAt", now.toString());
        visit.cancel(now);
        outbox.record(visit, CANCELLED_V1, visit.getId(), body);
        save(visit);
        return true;
    }

    private int publishItineraries(
            LocalDate day, VisitPlan plan, Map<String, Host> roster, Map<String, VisitRequest> open, Instant now) {
        int sent = 0;
        Set<String> told = new HashSet<>();
        for (Team team : plan.getTeams()) {
            for (TeamMember member : team.getHosts()) {
                Host host = roster.get(member.id());
                if (host == null) {
                    continue;
                }
                told.add(host.id());
                sent += FreshRead.retrying(() -> sendItinerary(day, host, team, open, now)) ? 1 : 0;
            }
        }
        for (Itinerary earlier : itineraries.findAllByDay(day)) {
            Host host = roster.get(earlier.getHostId());
            if (!told.contains(earlier.getHostId()) && host != null) {
                // no longer out that day: an empty day
                sent += FreshRead.retrying(() -> sendItinerary(day, host, null, open, now)) ? 1 : 0;
            }
        }
        return sent;
    }

    private boolean sendItinerary(LocalDate day, Host host, Team team, Map<String, VisitRequest> open, Instant now) {
        List<Map<String, Object>> stops = new ArrayList<>();
        if (team != null) {
            boolean lunchListed = false;
            for (PlannedVisit visit : team.getVisits()) {
                if (!lunchListed
                        && team.getLunch() != null
                        && !visit.getStart().isBefore(team.getLunch().window().to())) {
                    stops.add(lunch(team));
                    lunchListed = true;
                }
                Map<String, Object> stop = new LinkedHashMap<>();
                stop.put("kind", "visit");
                stop.put("visitId", visitId(visit.getId()));
                stop.put("registrationId", visit.getId());
                stop.put("title", visit.getCompany());
                stop.put("startsAt", offset(visit.getStart().atZone(STOCKHOLM).toInstant()));
                stop.put("endsAt", offset(visit.getEnd().atZone(STOCKHOLM).toInstant()));
                // the address as the company last gave it (the plan's place may be from before)
                stop.put(
                        "address",
                        open.get(visit.getId()) == null
                                ? visit.getPlace().name()
                                : open.get(visit.getId()).address());
                stop.put("locality", null);
                stop.put("contact", contact(open.get(visit.getId())));
                stop.put(
                        "meets",
                        open.get(visit.getId()) == null
                                ? null
                                : open.get(visit.getId()).meets());
                stop.put("topics", visit.topicNames());
                stop.put("driveMinutesBefore", visit.getDriveMinutes());
                stops.add(stop);
            }
        }
        // what the host sees; the registration ids (for erasure) were added later and must not count as a change
        String fingerprint = AnswerLinks.hash(json.writeValueAsString(stops.stream()
                .map(stop -> {
                    Map<String, Object> seen = new LinkedHashMap<>(stop);
                    seen.remove("registrationId");
                    return seen;
                })
                .toList()));
        var earlier = itineraries.findById(Itinerary.idFor(host.id(), day));
        if (earlier.isEmpty() && stops.isEmpty()) {
            return false; // never told of any visit that day: nothing to take back
        }
        Itinerary itinerary = earlier.orElseGet(() -> new Itinerary(host.id(), day));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("itineraryId", itinerary.getId());
        body.put(
                "host",
                Map.of(
                        "hostId", host.id(),
                        "name", host.name(),
                        "email", host.email(),
                        "language", "sv",
                        "role", host.role() == Host.Role.POLITICIAN ? "politician" : "official"));
        body.put("date", day.toString());
        body.put(
                "team",
                team == null
                        ? null
                        : Map.of(
                                "name",
                                team.getId(),
                                "members",
                                team.getHosts().stream()
                                        .map(m -> {
                                            Map<String, Object> member = new LinkedHashMap<>();
                                            member.put("name", m.name());
                                            member.put("title", null);
                                            member.put("phone", null);
                                            return member;
                                        })
                                        .toList()));
        body.put("stops", stops);
        body.put(
                "itineraryUrl",
                team == null ? null : publicBaseUrl + "/besok/personal/scheman/" + host.id() + "/" + day);
        body.put("publishedAt", now.toString());
        if (!itinerary.change(fingerprint)) {
            return false;
        }
        outbox.record(itinerary, ITINERARY_V1, host.id(), body);
        itineraries.save(itinerary);
        return true;
    }

    private Map<String, Object> lunch(Team team) {
        Map<String, Object> stop = new LinkedHashMap<>();
        stop.put("kind", "fixed");
        stop.put("visitId", null);
        stop.put("registrationId", null);
        stop.put("title", team.getLunch().title());
        stop.put(
                "startsAt",
                offset(team.getLunch().window().from().atZone(STOCKHOLM).toInstant()));
        stop.put(
                "endsAt", offset(team.getLunch().window().to().atZone(STOCKHOLM).toInstant()));
        stop.put("address", team.getLunch().place().name());
        stop.put("locality", null);
        stop.put("contact", null);
        stop.put("meets", null);
        stop.put("topics", List.of());
        stop.put("driveMinutesBefore", 0);
        return stop;
    }

    /** Whom to ask for at the company, from the request already read (not the store again per stop). */
    private static Map<String, Object> contact(VisitRequest request) {
        if (request == null || request.contactName() == null) {
            return null;
        }
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", request.contactName());
        contact.put("phone", request.contactPhone());
        return contact;
    }

    private Map<String, Object> visitBody(Visit visit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("visitId", visit.getId());
        body.put("registrationId", visit.registration());
        body.put("eventName", visit.getDayName());
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", visit.getCompany());
        company.put("address", visit.getAddress());
        company.put("locality", null);
        body.put("company", company);
        body.put("contact", Map.of("name", visit.getContactName(), "email", visit.getContactEmail()));
        body.put("language", visit.getLanguage());
        body.put("startsAt", offset(visit.getStartsAt()));
        body.put("endsAt", offset(visit.getEndsAt()));
        body.put(
                "hosts",
                visit.getHosts().stream()
                        .map(h -> {
                            Map<String, Object> host = new LinkedHashMap<>();
                            host.put("hostId", h.hostId());
                            host.put("name", h.name());
                            host.put("role", h.role());
                            host.put("title", h.title());
                            return host;
                        })
                        .toList());
        body.put("topics", visit.getTopics());
        return body;
    }

    private static Visit.HostRef hostRef(TeamMember member, Map<String, Host> roster) {
        Host host = roster.get(member.id());
        return new Visit.HostRef(
                member.id(),
                member.name(),
                member.role() == TeamMember.Role.POLITICIAN ? "politician" : "official",
                host == null ? null : blankToNull(host.affiliation()),
                host == null ? null : host.email(),
                host == null ? null : host.phone());
    }

    private void save(Visit visit) {
        visits.save(visit);
    }

    static String visitId(String registrationId) {
        return "besok-" + registrationId;
    }

    static String offset(Instant instant) {
        // with the seconds, as RFC 3339 wants them (OffsetDateTime.toString leaves ":00" out)
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(STOCKHOLM));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
