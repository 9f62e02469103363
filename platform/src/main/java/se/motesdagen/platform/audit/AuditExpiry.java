package se.motesdagen.platform.audit;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import se.motesdagen.platform.scheduling.JobLease;

/** Each night the lines past their retention leave the log, on one instance at a time. */
class AuditExpiry {

    private static final Logger logger = LoggerFactory.getLogger(AuditExpiry.class);

    private final AuditLog log;
    private final AuditProperties properties;
    private final JobLease lease;
    private final Clock clock;

    AuditExpiry(AuditLog log, AuditProperties properties, JobLease lease, Clock clock) {
        this.log = log;
        this.properties = properties;
        this.lease = lease;
        this.clock = clock;
    }

    @Scheduled(cron = "${motesdagen.audit.expire-cron:0 40 3 * * *}", zone = "Europe/Stockholm")
    void expire() {
        if (!lease.acquire("audit-expiry", Duration.ofMinutes(10))) {
            return;
        }
        long removed = log.expire(clock.instant().minus(properties.retention()));
        logger.info("Audit log: {} lines older than {} removed", removed, properties.retention());
    }
}
