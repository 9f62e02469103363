package se.motesdagen.registration.jobs;

import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.motesdagen.platform.scheduling.JobLease;
import se.motesdagen.registration.signup.UnconfirmedRegistrations;

/** Hourly: registrations nobody confirmed go soon after their link expired, as the privacy notice says. */
@Component
class UnconfirmedSweep {

    private final UnconfirmedRegistrations unconfirmed;
    private final JobLease lease;

    UnconfirmedSweep(UnconfirmedRegistrations unconfirmed, JobLease lease) {
        this.unconfirmed = unconfirmed;
        this.lease = lease;
    }

    @Scheduled(
            fixedDelayString = "${motesdagen.registration.unconfirmed-sweep-interval:PT1H}",
            initialDelayString = "PT1M")
    void removeExpired() {
        if (lease.acquire("registration.unconfirmed", Duration.ofMinutes(30))) {
            unconfirmed.removeExpired();
        }
    }
}
