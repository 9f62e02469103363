package se.motesdagen.notification.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.motesdagen.notification.erasure.Erasure;
import se.motesdagen.platform.scheduling.JobLease;

/**
 * Nightly: mails older than the retention period ({@code motesdagen.notification.retention}, 24 months
 * unless the gallringsbeslut says otherwise) no longer name their recipients.
 */
@Component
class RetentionJob {

    private final Erasure erasure;
    private final JobLease lease;
    private final Clock clock;
    private final Period retention;

    RetentionJob(
            Erasure erasure,
            JobLease lease,
            Clock clock,
            @Value("${motesdagen.notification.retention:P24M}") Period retention) {
        this.erasure = erasure;
        this.lease = lease;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(cron = "${motesdagen.notification.retention-cron:0 35 3 * * *}", zone = "Europe/Stockholm")
    void forgetExpired() {
        if (lease.acquire("notification.retention", Duration.ofHours(1))) {
            erasure.forgetCreatedBefore(clock.instant()
                    .atZone(ZoneId.of("Europe/Stockholm"))
                    .minus(retention)
                    .toInstant());
        }
    }
}
