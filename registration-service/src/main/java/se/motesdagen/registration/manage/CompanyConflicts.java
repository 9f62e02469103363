package se.motesdagen.registration.manage;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.seats.Placement;
import se.motesdagen.registration.seats.Seats;
import se.motesdagen.registration.signup.ConfirmationToken;
import se.motesdagen.registration.signup.ManageLinks;
import se.motesdagen.registration.signup.Registration;
import se.motesdagen.registration.signup.RegistrationEvents;
import se.motesdagen.registration.signup.RegistrationRepository;

/**
 * Two registrations of one company, both confirmed by their contacts. The organisationsnummer is
 * public, so the one confirmed first may be somebody else's; the second is therefore not refused but
 * kept as contested, holding nothing, and staff decide with both contacts in front of them: give the
 * company's place to the contested one (the other is cancelled and its contact told, and the manage
 * link goes to the contested one's contact, the address that confirmed it), or remove it.
 */
@Service
public class CompanyConflicts {

    private static final Logger log = LoggerFactory.getLogger(CompanyConflicts.class);

    private final RegistrationRepository registrations;
    private final RegistrationEvents events;
    private final ManageLinks links;
    private final Programme programme;
    private final Seats seats;
    private final CancelledSeats cancelledSeats;
    private final MongoOperations mongo;
    private final Clock clock;
    private final MeterRegistry meters;

    CompanyConflicts(
            RegistrationRepository registrations,
            RegistrationEvents events,
            ManageLinks links,
            Programme programme,
            Seats seats,
            CancelledSeats cancelledSeats,
            MongoOperations mongo,
            Clock clock,
            MeterRegistry meters) {
        this.registrations = registrations;
        this.events = events;
        this.links = links;
        this.programme = programme;
        this.seats = seats;
        this.cancelledSeats = cancelledSeats;
        this.mongo = mongo;
        this.clock = clock;
        this.meters = meters;
    }

    /** A contested registration and the one that holds the company's place now (none if it was given up since). */
    public record Conflict(Registration contested, Optional<Registration> holder) {}

    public enum Decision {
        /** The contested registration is confirmed; the one that held the place is cancelled. */
        GIVEN,
        /** The contested registration is gone. */
        REMOVED,
        /** The registration is not (or no longer) contested: somebody decided already. */
        NOT_CONTESTED
    }

    /** The conflict a registration is part of: as the contested one, or as the holder of a contested one's place. */
    public List<Conflict> of(Registration registration) {
        if (registration.getStatus() == Registration.Status.CONTESTED) {
            return List.of(new Conflict(registration, registrations.findPlaceHolder(registration)));
        }
        if (registration.getStatus() != Registration.Status.CONFIRMED) {
            return List.of();
        }
        return registrations.findByDayIdAndStatus(registration.getDayId(), Registration.Status.CONTESTED).stream()
                .filter(contested -> contested
                        .getCompany()
                        .identityKey()
                        .equals(registration.getCompany().identityKey()))
                .map(contested -> new Conflict(contested, Optional.of(registration)))
                .toList();
    }

    /** How many registrations of the day wait for staff to decide. */
    public long waiting(String dayId) {
        return mongo.count(
                Query.query(Criteria.where("dayId").is(dayId).and("status").is(Registration.Status.CONTESTED)),
                Registration.class);
    }

    /**
     * Gives the company's place to the contested registration: the holder is cancelled (its seats given
     * up, its contact told as for a cancellation), then the contested one is confirmed with a manage link
     * for its own contact. Pressed again after a crash in between, it finds no holder and confirms.
     */
    public Decision givePlace(String contestedId, String by) {
        for (int attempt = 0; ; attempt++) {
            try {
                return tryToGivePlace(contestedId, by);
            } catch (OptimisticLockingFailureException | DuplicateKeyException changedMeanwhile) {
                // the relay emptied an outbox, or another registration of the company was confirmed
                // between the writes: read both again
                if (attempt >= 3) {
                    throw changedMeanwhile;
                }
            }
        }
    }

    private Decision tryToGivePlace(String contestedId, String by) {
        Registration contested = contested(contestedId).orElse(null);
        if (contested == null) {
            return Decision.NOT_CONTESTED;
        }
        Day day = programme
                .day(contested.getDayId())
                .orElseThrow(() -> new IllegalStateException("registration for a missing event"));
        Instant now = clock.instant();
        Optional<Registration> holder = registrations.findPlaceHolder(contested);
        if (holder.isPresent() && holder.get().giveUpPlace(now, by)) {
            Registration cancelled = holder.get();
            events.cancelled(cancelled, day);
            registrations.save(cancelled);
            cancelledSeats.release(day, cancelled.getId());
            log.info("Registration {} cancelled: staff gave the company's place to {}", cancelled.getId(), contestedId);
        }
        ConfirmationToken manageToken = links.issueManageToken(day);
        contested.confirmContested(now, manageToken, by);
        List<Placement> placements = seats.confirm(day, contested.getId(), contested.sessionsByAttendee());
        events.confirmed(contested, day, placements, links.manageUrl(manageToken));
        try {
            registrations.save(contested);
        } catch (DuplicateKeyException | OptimisticLockingFailureException notSaved) {
            seats.release(day, contested.getId());
            throw notSaved;
        }
        meters.counter("motesdagen.registrations.conflicts.decided", "decision", "given")
                .increment();
        log.info("Registration {} confirmed: staff gave it the company's place", contestedId);
        return Decision.GIVEN;
    }

    /**
     * Removes the contested registration: it holds no place and no seat, and like an unconfirmed one it
     * names a person who may never have been entitled to register the company.
     */
    public Decision remove(String contestedId) {
        long removed = mongo.remove(
                        Query.query(Criteria.where("_id")
                                .is(contestedId)
                                .and("status")
                                .is(Registration.Status.CONTESTED)
                                .and("outbox.0")
                                .exists(false)),
                        Registration.class)
                .getDeletedCount();
        if (removed == 0) {
            return Decision.NOT_CONTESTED;
        }
        meters.counter("motesdagen.registrations.conflicts.decided", "decision", "removed")
                .increment();
        log.info("Registration {} removed: staff kept the company's place where it was", contestedId);
        return Decision.REMOVED;
    }

    private Optional<Registration> contested(String id) {
        return registrations.findById(id).filter(r -> r.getStatus() == Registration.Status.CONTESTED);
    }
}
