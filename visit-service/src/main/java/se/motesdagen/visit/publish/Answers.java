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
import se.motesdagen.visit.request.VisitRequests;

/** The company's answers to its visit time, through the links in its mail. */
@Service
public class Answers {

    static final String CONFIRMED_V1 = "se.motesdagen.visit.confirmed.v1";
    static final String CHANGE_REQUESTED_V1 = "se.motesdagen.visit.change-requested.v1";
    private static final Logger log = LoggerFactory.getLogger(Answers.class);

    private final VisitRepository visits;
    private final Outbox outbox;
    private final Clock clock;
    private final VisitRequests requests;

    Answers(VisitRepository visits, Outbox outbox, Clock clock, VisitRequests requests) {
        this.requests = requests;
        this.visits = visits;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The visit the link is for; empty for a forged or outdated link (a new time gives new links). */
    public Optional<Visit> byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return visits.findByTokenHash(AnswerLinks.hash(token)).filter(v -> v.getStatus() != Visit.Status.CANCELLED);
    }

    /** The company confirms; confirming twice changes nothing the second time. */
    public Optional<Visit> confirm(String token) {
        return FreshRead.retrying(() -> byToken(token).map(visit -> {
            if (visit.getStatus() == Visit.Status.CONFIRMED) {
                return visit;
            }
            Instant now = clock.instant();
            visit.confirm(now);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("visitId", visit.getId());
            body.put("registrationId", visit.getRegistrationId());
            body.put("startsAt", Publishing.offset(visit.getStartsAt()));
            body.put("confirmedAt", now.toString());
            outbox.record(visit, CONFIRMED_V1, visit.getId(), body);
            visits.save(visit);
            log.info("Visit {} confirmed by the company", visit.getId());
            return visit;
        }));
    }

    /**
     * The company asks for another time: the visit goes back on the board with the reason, and the time
     * it was given is one the next proposal will not give it again.
     */
    public Optional<Visit> askForAnotherTime(String token, String reason, String preferredTimes) {
        return FreshRead.retrying(() -> byToken(token).map(visit -> {
            requests.decline(visit.getRegistrationId(), visit.getStartsAt(), visit.getEndsAt());
            Instant now = clock.instant();
            visit.askForAnotherTime(reason, preferredTimes, now);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("visitId", visit.getId());
            body.put("registrationId", visit.getRegistrationId());
            body.put("startsAt", Publishing.offset(visit.getStartsAt()));
            body.put("reason", reason);
            body.put("preferredTimes", preferredTimes);
            body.put("requestedAt", now.toString());
            outbox.record(visit, CHANGE_REQUESTED_V1, visit.getId(), body);
            visits.save(visit);
            log.info("Visit {}: the company asked for another time", visit.getId());
            return visit;
        }));
    }

    /** The visits whose companies asked for another time, newest first: what the board lists for staff. */
    public List<Visit> changeRequests() {
        return visits.findAllByStatusOrderByAnsweredAtDesc(Visit.Status.CHANGE_REQUESTED);
    }
}
