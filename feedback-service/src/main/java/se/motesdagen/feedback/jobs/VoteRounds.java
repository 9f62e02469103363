package se.motesdagen.feedback.jobs;

import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.motesdagen.feedback.vote.Votes;
import se.motesdagen.platform.scheduling.JobLease;

/**
 * While a vote is open, on one instance at a time: a participant confirmed after it opened gets a
 * ballot too, and a sending cut off by a crash is finished.
 */
@Component
class VoteRounds {

    static final String JOB = "feedback-vote-ballots";

    private final Votes votes;
    private final JobLease lease;

    VoteRounds(Votes votes, JobLease lease) {
        this.votes = votes;
        this.lease = lease;
    }

    @Scheduled(fixedDelayString = "${motesdagen.feedback.survey.poll-interval:1m}")
    void tick() {
        if (lease.acquire(JOB, Duration.ofMinutes(5))) {
            votes.sendMissingBallots();
        }
    }
}
