package se.motesdagen.registration.erasure;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import se.motesdagen.platform.outbox.FreshRead;
import se.motesdagen.registration.manage.CancelledSeats;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.signup.Registration;
import se.motesdagen.registration.signup.RegistrationEvents;
import se.motesdagen.registration.signup.RegistrationRepository;

/** Erasure of a registration's personal data, on request (GDPR art. 17) or when its retention ran out. */
@Service
public class Erasure {

    private static final Logger log = LoggerFactory.getLogger(Erasure.class);

    private final RegistrationRepository registrations;
    private final RegistrationEvents events;
    private final Programme programme;
    private final CancelledSeats cancelledSeats;
    private final Clock clock;
    private final MeterRegistry meters;
    private final MongoOperations mongo;

    Erasure(
            RegistrationRepository registrations,
            RegistrationEvents events,
            Programme programme,
            CancelledSeats cancelledSeats,
            Clock clock,
            MeterRegistry meters,
            MongoOperations mongo) {
        this.registrations = registrations;
        this.events = events;
        this.programme = programme;
        this.cancelledSeats = cancelledSeats;
        this.clock = clock;
        this.meters = meters;
        this.mongo = mongo;
    }

    /**
     * Removes the registration's personal data (GDPR art. 17, or the retention period), logs it in the
     * timeline and publishes RegistrationErased so every other service removes its copy. False if done
     * before. Events still waiting in the outbox name the person, so they are dropped, not sent.
     */
    public boolean erase(String registrationId, String reason) {
        return FreshRead.retrying(() -> {
            Registration registration = registrations
                    .findById(registrationId)
                    .orElseThrow(() -> new IllegalArgumentException("no registration " + registrationId));
            if (!registration.erase(clock.instant(), reason)) {
                return false;
            }
            registration.clearUnpublished();
            events.erased(registration, reason);
            Registration saved = registrations.save(registration);
            programme.day(saved.getDayId()).ifPresent(day -> cancelledSeats.release(day, saved.getId()));
            meters.counter("motesdagen.registrations.erased", "reason", reason).increment();
            log.info("Registration {} erased ({})", registrationId, reason);
            return true;
        });
    }

    /**
     * Erases one person of a registration that stays (the contact, or an attendee by id), logs it in the
     * timeline and publishes PersonErased so the other services erase their copies. Empty when there is
     * nobody (left) to erase there.
     */
    public Optional<Registration.PersonErasure> erasePerson(String registrationId, String who) {
        return FreshRead.retrying(() -> {
            Registration registration = registrations
                    .findById(registrationId)
                    .orElseThrow(() -> new IllegalArgumentException("no registration " + registrationId));
            Optional<Registration.PersonErasure> erased =
                    registration.erasePerson(who, UUID.randomUUID().toString(), clock.instant());
            if (erased.isEmpty()) {
                return erased;
            }
            events.personErased(registration, erased.get());
            registrations.save(registration);
            meters.counter("motesdagen.registrations.persons.erased").increment();
            log.info(
                    "Registration {}: a person erased ({})",
                    registrationId,
                    erased.get().id());
            return erased;
        });
    }

    /** Another service confirmed it erased what it held of one person; told twice, the first time stands. */
    public void personConfirmedBy(String service, String registrationId, String erasureId, Instant at) {
        String field = "personErasures." + erasureId + ".confirmations." + service;
        mongo.updateFirst(
                Query.query(Criteria.where("_id")
                        .is(registrationId)
                        .and("personErasures." + erasureId)
                        .exists(true)
                        .and(field)
                        .exists(false)),
                new Update().set(field, at).inc("version", 1),
                Registration.class);
    }

    public boolean exists(String registrationId) {
        return registrations.existsById(registrationId);
    }

    /** The services that erase their copy of a registration and say so. */
    public static final List<String> CONFIRMING_SERVICES = List.of("visit", "notification", "feedback");

    /**
     * Another service confirmed it erased what it held of the registration's people; told twice, the
     * first time stands. One atomic write, so it never overwrites a change made at the same moment.
     */
    public void confirmedBy(String service, String registrationId, Instant at) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id")
                        .is(registrationId)
                        .and("erasureConfirmations." + service)
                        .exists(false)),
                new Update().set("erasureConfirmations." + service, at).inc("version", 1),
                Registration.class);
        log.info("Registration {}: erasure confirmed by the {} service", registrationId, service);
    }
}
