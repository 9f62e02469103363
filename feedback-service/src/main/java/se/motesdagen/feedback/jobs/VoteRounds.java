package se.motesdagen.feedback.jobs;

import java.time.Clock;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.motesdagen.feedback.vote.Votes;
import se.motesdagen.platform.scheduling.JobLease;

/**
 * On one instance at a time: while a vote is open, a participant confirmed after it opened gets a ballot
 * too, and a sending cut off by a crash is finished; once it has closed, those who voted are told to
 * their registration's timeline (never how).
 */
@Component
class VoteRounds {

    static final String JOB = "feedback-vote-ballots";

    private final Votes votes;
    private final JobLease lease;
    private final Clock clock;

    VoteRounds(Votes votes, JobLease lease, Clock clock) {
        this.votes = votes;
        this.lease = lease;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${motesdagen.feedback.survey.poll-interval:1m}")
    void tick() {
        if (lease.acquire(JOB, Duration.ofMinutes(5))) {
            votes.sendMissingBallots();
            votes.reportCast(clock.instant());
        }
    }
}
