package se.motesdagen.registration.jobs;

import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.motesdagen.platform.scheduling.JobLease;
import se.motesdagen.registration.access.AccessRequests;
import se.motesdagen.registration.erasure.RetentionPeriod;

/**
 * Nightly: the personal data of days older than the retention period is erased (the gallringsbeslut),
 * and access requests older than they are kept for go with the copies they gathered.
 */
@Component
class RetentionJob {

    private final RetentionPeriod retention;
    private final AccessRequests accessRequests;
    private final JobLease lease;

    RetentionJob(RetentionPeriod retention, AccessRequests accessRequests, JobLease lease) {
        this.retention = retention;
        this.accessRequests = accessRequests;
        this.lease = lease;
    }

    @Scheduled(cron = "${motesdagen.registration.retention-cron:0 30 3 * * *}", zone = "Europe/Stockholm")
    void eraseExpired() {
        if (lease.acquire("registration.retention", Duration.ofHours(1))) {
            retention.eraseExpired();
            accessRequests.forgetExpired();
        }
    }
}
