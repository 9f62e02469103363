package se.motesdagen.registration.jobs;

import java.time.Clock;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.motesdagen.platform.scheduling.JobLease;
import se.motesdagen.registration.manage.CancelledSeats;
import se.motesdagen.registration.manage.Changes;
import se.motesdagen.registration.seats.Seats;

/**
 * The sweeps that keep the seats right after what a request could not finish: holds that ran out,
 * cancellations and erasures interrupted before their seats were given up, and changes interrupted
 * before the seats followed them. Each runs on one instance at a time.
 */
@Component
class SeatSweeps {

    private static final Duration LEASE = Duration.ofMinutes(5);

    private final Seats seats;
    private final CancelledSeats cancelledSeats;
    private final Changes changes;
    private final JobLease lease;
    private final Clock clock;

    SeatSweeps(Seats seats, CancelledSeats cancelledSeats, Changes changes, JobLease lease, Clock clock) {
        this.seats = seats;
        this.cancelledSeats = cancelledSeats;
        this.changes = changes;
        this.lease = lease;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${motesdagen.registration.seat-sweep-interval:PT1M}", initialDelayString = "PT30S")
    void releaseExpiredHolds() {
        if (lease.acquire("registration.expired-holds", LEASE)) {
            seats.releaseExpiredHolds(clock.instant());
        }
    }

    @Scheduled(fixedDelayString = "${motesdagen.registration.seat-sweep-interval:PT1M}", initialDelayString = "PT45S")
    void releaseSeatsOfInterruptedCancellations() {
        if (lease.acquire("registration.cancelled-seats", LEASE)) {
            cancelledSeats.sweep();
        }
    }

    @Scheduled(fixedDelayString = "${motesdagen.registration.seat-sweep-interval:PT1M}", initialDelayString = "PT50S")
    void finishInterruptedChanges() {
        if (lease.acquire("registration.interrupted-changes", LEASE)) {
            changes.finishInterruptedChanges();
        }
    }
}
