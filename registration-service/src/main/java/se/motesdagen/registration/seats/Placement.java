package se.motesdagen.registration.seats;

/**
 * Where one attendee stands in one session, as pages and events show it.
 *
 * @param waitingPosition 1 for the first in line; null unless the attendee waits
 */
public record Placement(String sessionId, String attendeeId, SessionSeats.State state, Integer waitingPosition) {

    public boolean waiting() {
        return state == SessionSeats.State.WAITING;
    }
}
