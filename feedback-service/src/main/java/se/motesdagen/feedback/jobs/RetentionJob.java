package se.motesdagen.feedback.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.motesdagen.feedback.survey.Invitations;
import se.motesdagen.platform.scheduling.JobLease;

/**
 * Nightly: survey invitations older than the retention period ({@code motesdagen.feedback.retention},
 * 24 months unless the gallringsbeslut says otherwise) no longer name anyone.
 */
@Component
class RetentionJob {

    private final Invitations invitations;
    private final JobLease lease;
    private final Clock clock;
    private final Period retention;

    RetentionJob(
            Invitations invitations,
            JobLease lease,
            Clock clock,
            @Value("${motesdagen.feedback.retention:P24M}") Period retention) {
        this.invitations = invitations;
        this.lease = lease;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(cron = "${motesdagen.feedback.retention-cron:0 45 3 * * *}", zone = "Europe/Stockholm")
    void forgetExpired() {
        if (lease.acquire("feedback.retention", Duration.ofHours(1))) {
            invitations.forgetCreatedBefore(clock.instant()
                    .atZone(ZoneId.of("Europe/Stockholm"))
                    .minus(retention)
                    .toInstant());
        }
    }
}
