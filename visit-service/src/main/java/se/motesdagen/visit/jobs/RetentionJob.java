package se.motesdagen.visit.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.motesdagen.platform.scheduling.JobLease;
import se.motesdagen.visit.publish.VisitRetention;

/**
 * Nightly: visits on days older than the retention period ({@code motesdagen.visit.retention}, 24
 * months unless the gallringsbeslut says otherwise) no longer name the company's contact.
 */
@Component
class RetentionJob {

    private final VisitRetention visits;
    private final JobLease lease;
    private final Clock clock;
    private final Period retention;

    RetentionJob(
            VisitRetention visits,
            JobLease lease,
            Clock clock,
            @Value("${motesdagen.visit.retention:P24M}") Period retention) {
        this.visits = visits;
        this.lease = lease;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(cron = "${motesdagen.visit.retention-cron:0 40 3 * * *}", zone = "Europe/Stockholm")
    void forgetExpired() {
        if (lease.acquire("visit.retention", Duration.ofHours(1))) {
            visits.forgetBefore(
                    LocalDate.now(clock.withZone(ZoneId.of("Europe/Stockholm"))).minus(retention));
        }
    }
}
