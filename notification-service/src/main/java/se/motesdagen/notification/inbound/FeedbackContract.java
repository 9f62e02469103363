package se.motesdagen.notification.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** This service's reading of the feedback events it consumes: only the fields it uses. */
final class FeedbackContract {

    static final String REQUESTED_V1 = "se.motesdagen.feedback.requested.v1";
    static final String FOLLOW_UP_PUBLISHED_V1 = "se.motesdagen.feedback.follow-up-published.v1";
    static final String VOTE_OPENED_V1 = "se.motesdagen.feedback.vote-opened.v1";
    static final String REQUESTED_V2 = "se.motesdagen.feedback.requested.v2";
    static final String VOTE_OPENED_V2 = "se.motesdagen.feedback.vote-opened.v2";

    private FeedbackContract() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Requested(
            String invitationId,
            String registrationId,
            String surveyKind,
            int round,
            Recipient recipient,
            String language,
            String companyName,
            About about,
            String surveyUrl,
            Instant closesAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Recipient(String name, String email) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VoteOpened(
            String ballotId,
            String registrationId,
            Recipient recipient,
            String language,
            String title,
            List<String> proposals,
            int votesEach,
            Instant closesAt,
            String voteUrl) {

        VoteOpened {
            proposals = proposals == null ? List.of() : proposals;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record About(String title, LocalDate date) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FollowUp(
            String reportId,
            int edition,
            String title,
            String eventName,
            String summary,
            Integer proposalCount,
            List<Action> actions,
            String reportUrl,
            List<Participant> recipients,
            Instant publishedAt) {

        FollowUp {
            actions = actions == null ? List.of() : actions;
            recipients = recipients == null ? List.of() : recipients;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Action(String proposal, String action, String status, String owner, LocalDate dueDate, Integer votes) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Participant(String participantId, String name, String email, String language) {}
}
