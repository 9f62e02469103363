package se.motesdagen.notification.jobs;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.motesdagen.notification.bounces.Bounces;

/** The bounce mailbox is read once a minute (Bounces takes the job lease while it reads). */
@Component
class BounceJob {

    private final Bounces bounces;

    BounceJob(Bounces bounces) {
        this.bounces = bounces;
    }

    @Scheduled(fixedDelayString = "${motesdagen.mail.bounces.poll-interval:1m}")
    void poll() {
        bounces.poll();
    }
}
