package se.motesdagen.notification.jobs;

import java.time.Clock;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.motesdagen.notification.reminders.Reminders;
import se.motesdagen.platform.scheduling.JobLease;

/** The reminders whose moment has come are queued, by one instance at a time. */
@Component
class ReminderJob {

    /** Longer than a round takes; a holder that died is taken over after it. */
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final Reminders reminders;
    private final JobLease lease;
    private final Clock clock;

    ReminderJob(Reminders reminders, JobLease lease, Clock clock) {
        this.reminders = reminders;
        this.lease = lease;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${motesdagen.mail.reminder.poll-interval:1m}")
    void sendDue() {
        if (lease.acquire("reminders", LEASE)) {
            reminders.sendDue(clock.instant());
        }
    }
}
