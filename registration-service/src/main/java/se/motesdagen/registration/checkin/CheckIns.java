package se.motesdagen.registration.checkin;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import se.motesdagen.platform.outbox.FreshRead;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.signup.Registration;
import se.motesdagen.registration.signup.RegistrationEvents;
import se.motesdagen.registration.signup.RegistrationRepository;

/** The check-in desk on the day: who has come, each attendee once, told to the other services. */
@Service
public class CheckIns {

    private static final Logger log = LoggerFactory.getLogger(CheckIns.class);
    private static final int DESK_HITS = 30;

    private final RegistrationRepository registrations;
    private final RegistrationEvents events;
    private final Programme programme;
    private final MongoOperations mongo;
    private final Clock clock;
    private final MeterRegistry meters;

    CheckIns(
            RegistrationRepository registrations,
            RegistrationEvents events,
            Programme programme,
            MongoOperations mongo,
            Clock clock,
            MeterRegistry meters) {
        this.registrations = registrations;
        this.mongo = mongo;
        this.events = events;
        this.programme = programme;
        this.clock = clock;
        this.meters = meters;
    }

    /** Staff mark an attendee as present; publishes AttendanceRecorded once per attendee. */
    public Registration.CheckInOutcome checkIn(String registrationId, String attendeeId, String by) {
        return FreshRead.retrying(() -> {
            Registration registration = registrations
                    .findById(registrationId)
                    .orElseThrow(() -> new IllegalArgumentException("no registration " + registrationId));
            Instant now = clock.instant();
            Registration.CheckInOutcome outcome = registration.checkIn(attendeeId, now, by);
            if (outcome != Registration.CheckInOutcome.CHECKED_IN) {
                return outcome;
            }
            Day day = programme
                    .day(registration.getDayId())
                    .orElseThrow(() -> new IllegalStateException("registration for a missing event"));
            events.attendanceRecorded(registration, day, attendeeId, now);
            registrations.save(registration);
            meters.counter("motesdagen.registrations.checked-in", "event", day.id())
                    .increment();
            log.info("Registration {}: attendee {} checked in", registrationId, attendeeId);
            return outcome;
        });
    }

    public Optional<Registration> registration(String id) {
        return registrations.findById(id);
    }

    /**
     * The desk's search: the day's confirmed registrations whose company, contact or an attendee
     * matches the text, by company name, the first {@value #DESK_HITS}.
     */
    public List<Registration> find(Day day, String text) {
        String literal = Pattern.quote(text);
        Query confirmed = Query.query(new Criteria()
                        .andOperator(
                                Criteria.where("dayId").is(day.id()),
                                Criteria.where("status").is(Registration.Status.CONFIRMED),
                                Criteria.where("erasedAt").isNull(),
                                new Criteria()
                                        .orOperator(
                                                Criteria.where("company.name").regex(literal, "i"),
                                                Criteria.where("contact.name").regex(literal, "i"),
                                                Criteria.where("participants.name")
                                                        .regex(literal, "i"))))
                .with(Sort.by("company.name"))
                .limit(DESK_HITS);
        return mongo.find(confirmed, Registration.class);
    }
}
