package se.motesdagen.registration.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import se.motesdagen.platform.messaging.IncomingEvents;
import se.motesdagen.registration.overview.Timeline;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.signup.Registration.Happening.Kind;

/**
 * Reads the visit service's contract ({@code visit.events}) for the registration's timeline: the visit
 * given a time, moved, confirmed, asked to be moved, done or called off. A visit added by hand (no
 * registration) is skipped, and so are the hosts' itineraries. One consumer, so the entries keep the
 * order the visit service published them in.
 */
@Component
class VisitEventsReader {

    static final String SCHEDULED_V2 = "se.motesdagen.visit.scheduled.v2";
    static final String RESCHEDULED_V2 = "se.motesdagen.visit.rescheduled.v2";
    static final String CONFIRMED_V1 = "se.motesdagen.visit.confirmed.v1";
    static final String CHANGE_REQUESTED_V1 = "se.motesdagen.visit.change-requested.v1";
    static final String COMPLETED_V1 = "se.motesdagen.visit.completed.v1";
    static final String CANCELLED_V1 = "se.motesdagen.visit.cancelled.v1";

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH.mm").withZone(Day.ZONE);

    private final Timeline timeline;

    VisitEventsReader(Timeline timeline) {
        this.timeline = timeline;
    }

    /** The visit's happenings, added to the one consumer of the topic ({@link InboundTopics}). */
    IncomingEvents.Routes timeline(IncomingEvents.Routes routes) {
        return routes.on(SCHEDULED_V2, VisitHappening.class, (event, visit) -> record(visit, Kind.VISIT_SCHEDULED))
                .on(RESCHEDULED_V2, VisitHappening.class, (event, visit) -> record(visit, Kind.VISIT_RESCHEDULED))
                .on(CONFIRMED_V1, VisitHappening.class, (event, visit) -> record(visit, Kind.VISIT_CONFIRMED))
                .on(
                        CHANGE_REQUESTED_V1,
                        VisitHappening.class,
                        (event, visit) -> record(visit, Kind.VISIT_CHANGE_REQUESTED))
                .on(COMPLETED_V1, VisitHappening.class, (event, visit) -> record(visit, Kind.VISIT_COMPLETED))
                .on(CANCELLED_V1, VisitHappening.class, (event, visit) -> record(visit, Kind.VISIT_CANCELLED));
    }

    private void record(VisitHappening visit, Kind kind) {
        if (visit.registrationId() != null && visit.at() != null) {
            timeline.happened(
                    visit.registrationId(),
                    kind,
                    visit.startsAt() == null ? null : WHEN.format(visit.startsAt()),
                    visit.at());
        }
    }

    /** This service's reading of the six visit events: the registration, the visit's time, when it happened. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record VisitHappening(
            String registrationId,
            OffsetDateTime startsAt,
            Instant scheduledAt,
            Instant rescheduledAt,
            Instant confirmedAt,
            Instant requestedAt,
            Instant completedAt,
            Instant cancelledAt) {

        Instant at() {
            return Stream.of(scheduledAt, rescheduledAt, confirmedAt, requestedAt, completedAt, cancelledAt)
                    .filter(time -> time != null)
                    .findFirst()
                    .orElse(null);
        }
    }
}
