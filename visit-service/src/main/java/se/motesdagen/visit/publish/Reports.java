package se.motesdagen.visit.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.motesdagen.platform.outbox.FreshRead;
import se.motesdagen.platform.outbox.Outbox;
import se.motesdagen.visit.request.Areas;
import se.motesdagen.visit.request.VisitRequests;

/** The visit report: written after the visit, it marks the visit done and says so in VisitCompleted. */
@Service
public class Reports {

    static final String COMPLETED_V1 = "se.motesdagen.visit.completed.v1";
    /** The areas a report can tick: the same as the registration form's, by code. */
    public static final List<String> AREAS = List.copyOf(Areas.NAMES.keySet());

    public static final List<String> FEEDBACK = List.of("email", "phone", "meeting", "none");
    private static final Logger log = LoggerFactory.getLogger(Reports.class);

    private final VisitRepository visits;
    private final Outbox outbox;
    private final Clock clock;
    private final VisitRequests requests;

    Reports(VisitRepository visits, Outbox outbox, Clock clock, VisitRequests requests) {
        this.requests = requests;
        this.visits = visits;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Optional<Visit> visit(String id) {
        return visits.findById(id);
    }

    /** Records the report (stamped now) and marks the visit done; a visit cancelled or not yet published cannot be. */
    public Optional<Visit> complete(String visitId, Visit.Report written) {
        return FreshRead.retrying(() -> visits.findById(visitId)
                .filter(v -> v.getStatus() != Visit.Status.CANCELLED)
                .map(visit -> {
                    boolean first = visit.getStatus() != Visit.Status.COMPLETED;
                    Instant now = clock.instant();
                    visit.complete(new Visit.Report(
                            written.worksWell(),
                            written.worksBadly(),
                            written.areas(),
                            written.feedbackWanted(),
                            written.followUps(),
                            written.actions(),
                            written.writtenBy(),
                            now));
                    if (first) {
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("visitId", visit.getId());
                        body.put("registrationId", visit.registration());
                        body.put("companyName", visit.getCompany());
                        body.put("startsAt", Publishing.offset(visit.getStartsAt()));
                        body.put(
                                "hostIds",
                                visit.getHosts().stream()
                                        .map(Visit.HostRef::hostId)
                                        .toList());
                        body.put("areas", written.areas());
                        body.put("feedbackWanted", written.feedbackWanted());
                        body.put("followUps", written.followUpCount());
                        body.put("completedAt", now.toString());
                        outbox.record(visit, COMPLETED_V1, visit.getId(), body);
                    }
                    visits.save(visit);
                    requests.visited(visit.getRegistrationId());
                    log.info("Visit {} {}", visit.getId(), first ? "done, report written" : "report corrected");
                    return visit;
                }));
    }
}
