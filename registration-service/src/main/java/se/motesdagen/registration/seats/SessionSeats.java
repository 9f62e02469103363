package se.motesdagen.registration.seats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import se.motesdagen.platform.outbox.HasOutbox;
import se.motesdagen.platform.outbox.OutboxEvent;

/**
 * The seats of one session and its waiting list, in one document: every change to who sits and who
 * waits is one versioned write of this document, so two requests can never give away the same seat
 * (the second write loses on the version and tries again with what the first did). A place is held
 * from submission until the registration is confirmed or the hold runs out; a freed seat goes to the
 * first on the waiting list, by the order places were asked for ({@link Place#ticket}).
 *
 * <p>The registration keeps the people; this document keeps only which registration's which attendee
 * has which place. The events it causes ({@code WaitlistPromoted}) wait in its own outbox.
 */
@Document("seats")
public class SessionSeats implements HasOutbox {

    @Id
    private String id;

    @Version
    private Long version;

    @Indexed
    private String dayId;

    private String sessionId;
    private int capacity;
    private long lastTicket;
    private List<Place> places = new ArrayList<>();
    private List<OutboxEvent> outbox = new ArrayList<>();

    protected SessionSeats() {}

    SessionSeats(String dayId, String sessionId, int capacity) {
        this.id = idOf(dayId, sessionId);
        this.dayId = dayId;
        this.sessionId = sessionId;
        this.capacity = capacity;
    }

    static String idOf(String dayId, String sessionId) {
        return dayId + "/" + sessionId;
    }

    public enum State {
        /** Keeps a seat for a registration that is not confirmed yet, until {@link Place#heldUntil}. */
        HELD,
        /** A confirmed registration's seat. */
        SEATED,
        /** On the waiting list, in ticket order. */
        WAITING
    }

    /**
     * One attendee's place in the session.
     *
     * @param ticket the order in which places were asked for in this session: the waiting list's order
     * @param confirmed whether the registration was confirmed, so a promotion knows to seat or to hold
     * @param heldUntil when a {@link State#HELD} seat is freed unless the registration is confirmed
     */
    public record Place(
            String registrationId,
            String attendeeId,
            long ticket,
            State state,
            boolean confirmed,
            Instant claimedAt,
            Instant heldUntil) {

        boolean takesSeat() {
            return state != State.WAITING;
        }

        boolean belongsTo(String registrationId) {
            return this.registrationId.equals(registrationId);
        }

        Place seated() {
            return new Place(registrationId, attendeeId, ticket, State.SEATED, true, claimedAt, null);
        }

        Place held(Instant until) {
            return new Place(registrationId, attendeeId, ticket, State.HELD, false, claimedAt, until);
        }

        Place confirmedWaiting() {
            return new Place(registrationId, attendeeId, ticket, State.WAITING, true, claimedAt, null);
        }
    }

    /** What the registration service knows about the registration behind a place. */
    public enum HolderState {
        PENDING,
        CONFIRMED,
        /** Cancelled, removed, or never stored. */
        GONE
    }

    /**
     * A place for the attendee: a seat while there is one (held, or taken at once when the registration
     * is already confirmed), otherwise the end of the waiting list. Asking again returns the place the
     * attendee already has.
     */
    Place claim(String registrationId, String attendeeId, boolean confirmed, Instant now, Duration hold) {
        Optional<Place> existing = places.stream()
                .filter(p -> p.belongsTo(registrationId) && p.attendeeId().equals(attendeeId))
                .findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        long ticket = ++lastTicket;
        State state = seatsTaken() < capacity ? (confirmed ? State.SEATED : State.HELD) : State.WAITING;
        Place place = new Place(
                registrationId, attendeeId, ticket, state, confirmed, now, state == State.HELD ? now.plus(hold) : null);
        places.add(place);
        return place;
    }

    /** The registration was confirmed: its held seats become its own, its waiting places stay in line. */
    List<Place> confirm(String registrationId) {
        places.replaceAll(
                p -> !p.belongsTo(registrationId) ? p : p.state() == State.WAITING ? p.confirmedWaiting() : p.seated());
        return placesOf(registrationId);
    }

    /** Removes the registration's places of attendees no longer in this session; returns the seats freed. */
    int releaseAttendeesNotIn(String registrationId, Set<String> attendeeIds) {
        return remove(p -> p.belongsTo(registrationId) && !attendeeIds.contains(p.attendeeId()));
    }

    /** Removes the registration's places; returns how many seats that freed. */
    int release(String registrationId) {
        return remove(p -> p.belongsTo(registrationId));
    }

    /**
     * Holds that ran out: a confirmed registration keeps its seat (it was confirmed but this document
     * was not told, after a crash), any other gives it up.
     */
    int expireHolds(Instant now, HolderLookup holders) {
        List<Place> expired = places.stream()
                .filter(p -> p.state() == State.HELD && !p.heldUntil().isAfter(now))
                .toList();
        int freed = 0;
        for (Place place : expired) {
            if (holders.state(place.registrationId()) == HolderState.CONFIRMED) {
                places.replaceAll(p -> p.equals(place) ? p.seated() : p);
            } else {
                places.remove(place);
                freed++;
            }
        }
        return freed;
    }

    /**
     * Gives free seats to the first on the waiting list: a confirmed registration's attendee is seated
     * (and returned, to be told), an unconfirmed one's seat is held for it. Places of registrations that
     * are gone are dropped on the way; one claimed a moment ago whose registration is not stored yet is
     * passed over, not dropped.
     */
    List<Place> promote(Instant now, Duration hold, Duration grace, HolderLookup holders) {
        List<Place> seatedNow = new ArrayList<>();
        List<Place> line = waitingList();
        for (Place next : line) {
            if (seatsTaken() >= capacity) {
                break;
            }
            switch (holders.state(next.registrationId())) {
                case CONFIRMED -> {
                    Place seated = next.seated();
                    places.replaceAll(p -> p.equals(next) ? seated : p);
                    seatedNow.add(seated);
                }
                case PENDING -> places.replaceAll(p -> p.equals(next) ? p.held(now.plus(hold)) : p);
                case GONE -> {
                    if (next.claimedAt().isBefore(now.minus(grace))) {
                        places.remove(next);
                    }
                }
            }
        }
        return seatedNow;
    }

    List<Place> placesOf(String registrationId) {
        return places.stream().filter(p -> p.belongsTo(registrationId)).toList();
    }

    /** 1 for the first in line; empty when the place is not a waiting one. */
    Optional<Integer> waitingPosition(Place place) {
        List<Place> line = waitingList();
        int index = line.indexOf(place);
        return index < 0 ? Optional.empty() : Optional.of(index + 1);
    }

    List<Place> waitingList() {
        return places.stream()
                .filter(p -> p.state() == State.WAITING)
                .sorted(Comparator.comparingLong(Place::ticket))
                .toList();
    }

    /** Capacity follows the programme: raised, it frees seats for the waiting list; lowered, nobody loses a seat. */
    void capacity(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public List<OutboxEvent> outbox() {
        return outbox;
    }

    private int remove(Predicate<Place> which) {
        int freed = (int) places.stream().filter(which).filter(Place::takesSeat).count();
        places.removeIf(which);
        return freed;
    }

    public int seatsTaken() {
        return (int) places.stream().filter(Place::takesSeat).count();
    }

    public long count(State state) {
        return places.stream().filter(p -> p.state() == state).count();
    }

    public String getId() {
        return id;
    }

    public String getDayId() {
        return dayId;
    }

    public String getSessionId() {
        return sessionId;
    }

    public int getCapacity() {
        return capacity;
    }

    public List<Place> getPlaces() {
        return List.copyOf(places);
    }

    /** How the seats learn whether a registration is confirmed, without knowing registrations. */
    @FunctionalInterface
    public interface HolderLookup {
        HolderState state(String registrationId);
    }
}
