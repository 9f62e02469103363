package se.motesdagen.notification.inbound;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.motesdagen.notification.mail.Letter;

/**
 * The letters the feedback events ask for: the survey invitation, its reminders, the ballot link, the
 * follow-up report.
 */
final class FeedbackLetters {

    static final String INVITATION = "feedback-invitation";
    static final String REMINDER = "feedback-reminder";
    static final String FOLLOW_UP = "follow-up";
    static final String VOTE = "vote-invitation";

    private FeedbackLetters() {}

    /** FeedbackRequested → round 0 the invitation, rounds 1 and 2 the reminders, each with the survey link. */
    static Letter requested(FeedbackContract.Requested requested) {
        Locale locale = RegistrationLetters.locale(requested.language());
        Map<String, Object> model = new HashMap<>();
        model.put("contactName", requested.recipient().name());
        model.put("companyName", requested.companyName());
        model.put("surveyKind", requested.surveyKind());
        model.put("about", requested.about().title());
        model.put(
                "aboutDate",
                requested.about().date() == null
                        ? null
                        : DateTimeFormatter.ofPattern("d MMMM yyyy", locale)
                                .format(requested.about().date()));
        model.put("surveyUrl", requested.surveyUrl());
        model.put(
                "closesAt",
                DateTimeFormatter.ofPattern("d MMMM yyyy", locale)
                        .format(requested.closesAt().atZone(RegistrationLetters.STOCKHOLM)));
        model.put("round", requested.round());
        model.put("subjectArguments", new Object[] {requested.about().title()});
        return new Letter(
                requested.round() == 0 ? INVITATION : REMINDER,
                requested.registrationId(),
                requested.recipient().email(),
                locale,
                model);
    }

    /** VoteOpened → the participant's own ballot link, with the proposals it lists and the last day. */
    static Letter voteOpened(FeedbackContract.VoteOpened opened) {
        Locale locale = RegistrationLetters.locale(opened.language());
        Map<String, Object> model = new HashMap<>();
        model.put("contactName", opened.recipient().name());
        model.put("title", opened.title());
        model.put("proposals", opened.proposals());
        model.put("votesEach", opened.votesEach());
        // the vote closes at midnight: the last day to vote is the one before
        model.put(
                "lastDay",
                DateTimeFormatter.ofPattern("d MMMM yyyy", locale)
                        .format(opened.closesAt().minusSeconds(1).atZone(RegistrationLetters.STOCKHOLM)));
        model.put("voteUrl", opened.voteUrl());
        model.put("subjectArguments", new Object[] {opened.title()});
        return new Letter(VOTE, opened.registrationId(), opened.recipient().email(), locale, model);
    }

    /** FollowUpPublished → one letter per participant, each in that participant's language. */
    static List<Letter> followUp(FeedbackContract.FollowUp report) {
        return report.recipients().stream()
                .map(participant -> followUp(report, participant))
                .toList();
    }

    static Letter followUp(FeedbackContract.FollowUp report, FeedbackContract.Participant participant) {
        Locale locale = RegistrationLetters.locale(participant.language());
        DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        Map<String, Object> model = new HashMap<>();
        model.put("contactName", participant.name());
        model.put("title", report.title());
        model.put("eventName", report.eventName());
        model.put("edition", report.edition());
        model.put("summary", report.summary());
        model.put("proposalCount", report.proposalCount());
        model.put(
                "actions",
                report.actions().stream()
                        .map(a -> new ActionLine(
                                a.proposal(),
                                a.action(),
                                a.status(),
                                a.owner(),
                                a.dueDate() == null ? null : date.format(a.dueDate()),
                                a.votes()))
                        .toList());
        model.put("reportUrl", report.reportUrl());
        model.put("subjectArguments", new Object[] {report.title()});
        // the participant is the registration (feedback keys them so): an erasure finds the mail by it
        return new Letter(
                FOLLOW_UP,
                participant.participantId(),
                participant.email(),
                locale,
                model,
                participant.participantId());
    }

    /** A proposal and what is done about it, as the report lists it. */
    record ActionLine(String proposal, String action, String status, String owner, String due, Integer votes) {}
}
