package se.motesdagen.feedback.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.motesdagen.feedback.participant.Participant;
import se.motesdagen.feedback.participant.Participants;
import se.motesdagen.feedback.survey.Invitations;
import se.motesdagen.feedback.survey.SurveySettings;
import se.motesdagen.platform.scheduling.JobLease;

/**
 * The survey's rounds, on one instance at a time: the companies that came to the day are asked about it
 * once their delay after check-in has passed, those who have not answered are reminded, and once a
 * survey has closed, those who answered are told to the registration's timeline (never what).
 */
@Component
public class SurveyRounds {

    static final String JOB = "feedback-survey-rounds";

    private final Participants participants;
    private final Invitations invitations;
    private final SurveySettings settings;
    private final JobLease lease;
    private final Clock clock;

    SurveyRounds(
            Participants participants, Invitations invitations, SurveySettings settings, JobLease lease, Clock clock) {
        this.participants = participants;
        this.invitations = invitations;
        this.settings = settings;
        this.lease = lease;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${motesdagen.feedback.survey.poll-interval:1m}")
    void tick() {
        if (lease.acquire(JOB, Duration.ofMinutes(5))) {
            run(clock.instant());
        }
    }

    /** One round as of {@code now}: the day's invitations that are due, then the reminders. */
    public void run(Instant now) {
        for (Participant came : participants.dueForDaySurvey(now.minus(settings.dayDelay()))) {
            invitations.afterDay(came);
            participants.askedAboutTheDay(came.registrationId(), now);
        }
        invitations.remind(now);
        invitations.reportAnswered(now);
    }
}
