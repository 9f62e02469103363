package se.motesdagen.registration.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import se.motesdagen.platform.messaging.IncomingEvents;
import se.motesdagen.registration.overview.Timeline;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.signup.Registration.Happening.Kind;

/**
 * Reads the feedback service's contract ({@code feedback.events}) for the registration's timeline: a
 * survey or a ballot sent to its contact. What the company answers, and how it votes, stays anonymous
 * in the feedback service: its answers carry no registration, so they are never on this timeline.
 */
@Component
class FeedbackEventsReader {

    static final String REQUESTED_V2 = "se.motesdagen.feedback.requested.v2";
    static final String VOTE_OPENED_V2 = "se.motesdagen.feedback.vote-opened.v2";
    static final String TOOK_PART_V1 = "se.motesdagen.feedback.took-part.v1";

    private final Timeline timeline;

    FeedbackEventsReader(Timeline timeline) {
        this.timeline = timeline;
    }

    /** Surveys and ballots sent, and taking part, added to the one consumer of the topic ({@link InboundTopics}). */
    IncomingEvents.Routes timeline(IncomingEvents.Routes routes) {
        return routes.on(
                        REQUESTED_V2,
                        Sent.class,
                        (event, survey) -> record(survey, Kind.SURVEY_SENT, survey.requestedAt()))
                .on(VOTE_OPENED_V2, Sent.class, (event, ballot) -> record(ballot, Kind.BALLOT_SENT, ballot.openedAt()))
                .on(
                        TOOK_PART_V1,
                        TookPart.class,
                        (event, took) -> timeline.happened(
                                took.registrationId(),
                                "vote".equals(took.what()) ? Kind.VOTED : Kind.SURVEY_ANSWERED,
                                took.about() == null ? null : took.about().title(),
                                took.closedOn().atStartOfDay(Day.ZONE).toInstant()));
    }

    private void record(Sent sent, Kind kind, Instant at) {
        if (sent.registrationId() != null && at != null) {
            timeline.happened(sent.registrationId(), kind, null, at);
        }
    }

    /** This service's reading of TookPart: whose, what, and the day it closed (never when they answered). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TookPart(String registrationId, String what, About about, LocalDate closedOn) {

        @JsonIgnoreProperties(ignoreUnknown = true)
        record About(String title) {}
    }

    /** This service's reading of FeedbackRequested and VoteOpened: whose, and when. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Sent(String registrationId, Instant requestedAt, Instant openedAt) {}
}
