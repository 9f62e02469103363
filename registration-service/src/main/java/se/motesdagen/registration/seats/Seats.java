package se.motesdagen.registration.seats;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.seats.SessionSeats.HolderState;
import se.motesdagen.registration.seats.SessionSeats.Place;

/**
 * Gives out the seats of the sessions: holds them for new registrations, seats confirmed ones, frees
 * them, and promotes the waiting list whenever a seat comes free. Every change is a versioned write of
 * one session's {@link SessionSeats}; a write that lost to another (another request, another instance,
 * the outbox relay) is done again on what is stored now. Within this process the changes to one session
 * are committed in groups (see {@link #change}), so a rush of requests is a few writes, not a storm of
 * retries.
 *
 * <p>Nothing here happens in one transaction with the registration: the order of the writes and the
 * sweep make up for a crash between them. A place claimed for a registration that was never stored is
 * dropped when its hold runs out or when it comes first in line; a confirmed registration whose hold
 * was not turned into a seat is seated by the sweep instead of losing it.
 */
@Service
public class Seats {

    private static final Logger log = LoggerFactory.getLogger(Seats.class);
    private static final int MAX_ATTEMPTS = 50;
    /** At most this many changes in one write of a session's seats. */
    private static final int MAX_GROUP = 500;
    /** How long a place may wait for its registration to be stored before it counts as orphaned. */
    private static final Duration ORPHAN_GRACE = Duration.ofMinutes(10);

    private static final Duration RECENT = Duration.ofSeconds(5);

    private final MongoOperations mongo;
    private final Programme programme;
    private final SeatHolders holders;
    private final WaitlistEvents events;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Duration hold;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<String, Queue<Pending<?>>> queues = new ConcurrentHashMap<>();
    private final Map<String, RecentFill> recentFills = new ConcurrentHashMap<>();

    Seats(
            MongoOperations mongo,
            Programme programme,
            SeatHolders holders,
            WaitlistEvents events,
            Clock clock,
            MeterRegistry meters,
            @Value("${motesdagen.registration.seat-hold:PT24H}") Duration hold) {
        this.mongo = mongo;
        this.programme = programme;
        this.holders = holders;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
        this.hold = hold;
    }

    /** A place for each attendee in each of their sessions: a held seat where there is one, else the line. */
    public List<Placement> claim(Day day, String registrationId, Map<String, List<String>> sessionsByAttendee) {
        return place(day, registrationId, sessionsByAttendee, false);
    }

    /**
     * The registration is confirmed: held seats become its own, and an attendee whose hold ran out
     * before the confirmation asks again (a seat if one is free, else the end of the line).
     */
    public List<Placement> confirm(Day day, String registrationId, Map<String, List<String>> sessionsByAttendee) {
        return place(day, registrationId, sessionsByAttendee, true);
    }

    private List<Placement> place(
            Day day, String registrationId, Map<String, List<String>> sessionsByAttendee, boolean confirmed) {
        Instant now = clock.instant();
        Map<String, List<String>> attendeesBySession = new LinkedHashMap<>();
        sessionsByAttendee.forEach((attendee, sessions) -> sessions.forEach(session -> attendeesBySession
                .computeIfAbsent(session, s -> new ArrayList<>())
                .add(attendee)));
        List<Placement> placements = new ArrayList<>();
        attendeesBySession.forEach((sessionId, attendees) -> placements.addAll(change(day, sessionId, seats -> {
            attendees.forEach(attendee -> seats.claim(registrationId, attendee, confirmed, now, hold));
            if (confirmed) {
                seats.confirm(registrationId);
            }
            return placementsOf(seats, registrationId);
        })));
        return placements;
    }

    /**
     * The session's capacity changed in the programme: a larger room lets the first in line in at once
     * (each told by WaitlistPromoted); a smaller one takes nobody's seat, it only stops new ones.
     */
    public void followCapacity(Day day, String sessionId) {
        if (mongo.exists(
                Query.query(Criteria.where("_id").is(SessionSeats.idOf(day.id(), sessionId))), SessionSeats.class)) {
            change(day, sessionId, seats -> null);
        }
        recentFills.remove(day.id());
    }

    /** Whether anyone has or waits for a place in the session: such a session cannot be removed. */
    public boolean hasPlaces(Day day, String sessionId) {
        SessionSeats seats = mongo.findById(SessionSeats.idOf(day.id(), sessionId), SessionSeats.class);
        return seats != null && !seats.getPlaces().isEmpty();
    }

    /**
     * Makes the confirmed registration's places match who now attends what: places of attendees who
     * left a session are given up (the line moves up), new ones are claimed (a seat or the end of the
     * line), and places that stay are untouched, so nobody loses a seat by a change elsewhere. Doing it
     * twice changes nothing the second time.
     */
    public List<Placement> sync(Day day, String registrationId, Map<String, List<String>> sessionsByAttendee) {
        Instant now = clock.instant();
        Map<String, Set<String>> attendeesBySession = new LinkedHashMap<>();
        sessionsByAttendee.forEach((attendee, sessions) -> sessions.forEach(session -> attendeesBySession
                .computeIfAbsent(session, x -> new LinkedHashSet<>())
                .add(attendee)));
        Set<String> touched = new LinkedHashSet<>(attendeesBySession.keySet());
        mongo.find(ofDay(day.id()).addCriteria(heldBy(registrationId)), SessionSeats.class)
                .forEach(stored -> touched.add(stored.getSessionId()));
        List<Placement> placements = new ArrayList<>();
        for (String sessionId : touched) {
            if (day.session(sessionId).isEmpty()) {
                continue;
            }
            Set<String> attendees = attendeesBySession.getOrDefault(sessionId, Set.of());
            placements.addAll(change(day, sessionId, seats -> {
                seats.releaseAttendeesNotIn(registrationId, attendees);
                attendees.forEach(attendee -> seats.claim(registrationId, attendee, true, now, hold));
                seats.confirm(registrationId);
                return placementsOf(seats, registrationId);
            }));
        }
        return placements;
    }

    /** Frees every place of the registration in the day; the waiting lists move up at once. */
    public void release(Day day, String registrationId) {
        for (SessionSeats stored :
                mongo.find(ofDay(day.id()).addCriteria(heldBy(registrationId)), SessionSeats.class)) {
            change(day, stored.getSessionId(), seats -> seats.release(registrationId));
        }
    }

    /** Where the registration's attendees stand in every session of the day. */
    public List<Placement> placementsOf(String dayId, String registrationId) {
        return mongo.find(ofDay(dayId).addCriteria(heldBy(registrationId)), SessionSeats.class).stream()
                .flatMap(seats -> placementsOf(seats, registrationId).stream())
                .toList();
    }

    /** Seats taken, held and waited for, per session of the day in programme order. */
    public List<SessionFill> fill(Day day) {
        Map<String, SessionSeats> stored = new ConcurrentHashMap<>();
        mongo.find(ofDay(day.id()), SessionSeats.class).forEach(s -> stored.put(s.getSessionId(), s));
        return day.sessions().stream()
                .map(session -> {
                    SessionSeats seats = stored.get(session.id());
                    return seats == null
                            ? new SessionFill(session.id(), session.title(), session.capacity(), 0, 0, 0)
                            : new SessionFill(
                                    session.id(),
                                    session.title(),
                                    session.capacity(),
                                    seats.count(SessionSeats.State.SEATED),
                                    seats.count(SessionSeats.State.HELD),
                                    seats.count(SessionSeats.State.WAITING));
                })
                .toList();
    }

    /**
     * The same, a few seconds old at most: the public event page shows it on every view, and a count of
     * seats left that is five seconds late costs nobody a seat (the seats themselves decide that). This
     * instance's own changes show at once; another instance's within five seconds.
     */
    public List<SessionFill> recentFill(Day day) {
        Instant now = clock.instant();
        RecentFill recent = recentFills.get(day.id());
        if (recent != null && recent.at().plus(RECENT).isAfter(now)) {
            return recent.fill();
        }
        List<SessionFill> fill = fill(day);
        recentFills.put(day.id(), new RecentFill(now, fill));
        return fill;
    }

    private record RecentFill(Instant at, List<SessionFill> fill) {}

    /** Frees the holds that ran out before the moment and moves the waiting lists up; returns how many sessions changed. */
    public int releaseExpiredHolds(Instant now) {
        Query expired = Query.query(Criteria.where("places")
                .elemMatch(Criteria.where("state")
                        .is(SessionSeats.State.HELD)
                        .and("heldUntil")
                        .lte(now)));
        int changed = 0;
        for (SessionSeats stored : mongo.find(expired, SessionSeats.class)) {
            var day = programme.day(stored.getDayId());
            if (day.isEmpty() || day.get().session(stored.getSessionId()).isEmpty()) {
                log.warn(
                        "Seats {} belong to a session no longer in the programme; holds left as they are",
                        stored.getId());
                continue;
            }
            int freed = change(day.get(), stored.getSessionId(), seats -> seats.expireHolds(now, this::holderState));
            if (freed > 0) {
                meters.counter("motesdagen.seats.holds.expired", "event", stored.getDayId())
                        .increment(freed);
            }
            changed++;
        }
        return changed;
    }

    /**
     * Applies a change to one session's seats and then fills free seats from the waiting list, telling
     * each confirmed attendee who got a seat; done again if another write came first.
     *
     * <p>Changes to one session are committed in groups: a request queues its change and waits for the
     * session's lock; whoever holds it applies every change queued by then to one read of the document
     * and writes it once. A rush of registrations for one popular session then costs a few writes, not
     * one each, and nothing is decided on a stale copy: a write that lost to another instance (or the
     * outbox relay) reads again and applies the whole group again, which the changes allow (a claim
     * returns the place already there, a release of what is gone changes nothing).
     */
    private <T> T change(Day day, String sessionId, Function<SessionSeats, T> change) {
        Day.Session session = day.session(sessionId)
                .orElseThrow(() -> new IllegalArgumentException("no session " + sessionId + " in " + day.id()));
        String id = SessionSeats.idOf(day.id(), sessionId);
        Pending<T> mine = new Pending<>(change, new CompletableFuture<>());
        queues.computeIfAbsent(id, k -> new ConcurrentLinkedQueue<>()).add(mine);
        ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock(true));
        lock.lock();
        try {
            while (!mine.result().isDone()) {
                commitGroup(day, session, id);
            }
        } finally {
            lock.unlock();
        }
        try {
            return mine.result().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /** One change waiting for its session's next write, and where its answer goes. */
    private record Pending<T>(Function<SessionSeats, T> change, CompletableFuture<T> result) {

        void apply(SessionSeats seats, List<Object> answers) {
            answers.add(change.apply(seats));
        }

        @SuppressWarnings("unchecked")
        void answer(Object answer) {
            result.complete((T) answer);
        }
    }

    private void commitGroup(Day day, Day.Session session, String id) {
        List<Pending<?>> group = new ArrayList<>();
        Queue<Pending<?>> queue = queues.get(id);
        for (Pending<?> next; group.size() < MAX_GROUP && (next = queue.poll()) != null; ) {
            group.add(next);
        }
        try {
            for (int attempt = 1; ; attempt++) {
                SessionSeats stored = mongo.findById(id, SessionSeats.class);
                SessionSeats seats =
                        stored != null ? stored : new SessionSeats(day.id(), session.id(), session.capacity());
                seats.capacity(session.capacity());
                List<Object> answers = new ArrayList<>();
                group.forEach(pending -> pending.apply(seats, answers));
                Instant now = clock.instant();
                List<Place> promotedNow = seats.promote(now, hold, ORPHAN_GRACE, this::holderState);
                for (Place promoted : promotedNow) {
                    holders.find(promoted.registrationId())
                            .ifPresent(holder -> events.promoted(seats, day, session, promoted, holder, now));
                }
                try {
                    if (stored == null) {
                        mongo.insert(seats);
                    } else {
                        mongo.save(seats);
                    }
                } catch (DuplicateKeyException | OptimisticLockingFailureException lostToAnotherWrite) {
                    if (attempt >= MAX_ATTEMPTS) {
                        throw lostToAnotherWrite;
                    }
                    pause(attempt);
                    continue;
                }
                recentFills.remove(day.id());
                for (Place promoted : promotedNow) {
                    meters.counter("motesdagen.seats.promoted", "event", day.id())
                            .increment();
                    log.info("Registration {} got a seat in {} from the waiting list", promoted.registrationId(), id);
                }
                meters.summary("motesdagen.seats.group.size").record(group.size());
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).answer(answers.get(i));
                }
                return;
            }
        } catch (RuntimeException failed) {
            group.forEach(pending -> pending.result().completeExceptionally(failed));
        }
    }

    private HolderState holderState(String registrationId) {
        return holders.find(registrationId).map(SeatHolders.Holder::state).orElse(HolderState.GONE);
    }

    private static List<Placement> placementsOf(SessionSeats seats, String registrationId) {
        return seats.placesOf(registrationId).stream()
                .map(p -> new Placement(
                        seats.getSessionId(),
                        p.attendeeId(),
                        p.state(),
                        seats.waitingPosition(p).orElse(null)))
                .toList();
    }

    private static Query ofDay(String dayId) {
        return Query.query(Criteria.where("dayId").is(dayId));
    }

    private static Criteria heldBy(String registrationId) {
        return Criteria.where("places.registrationId").is(registrationId);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L + Math.min(attempt, 10) * 5L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a seat change", e);
        }
    }
}
