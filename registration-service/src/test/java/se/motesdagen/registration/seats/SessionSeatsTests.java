package se.motesdagen.registration.seats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.motesdagen.registration.seats.SessionSeats.HolderState;
import se.motesdagen.registration.seats.SessionSeats.Place;
import se.motesdagen.registration.seats.SessionSeats.State;

class SessionSeatsTests {

    static final Instant NOW = Instant.parse("2027-06-01T08:00:00Z");
    static final Duration HOLD = Duration.ofHours(24);
    static final Duration GRACE = Duration.ofMinutes(10);

    final SessionSeats seats = new SessionSeats("dagen", "passet", 2);
    final Map<String, HolderState> holders = new HashMap<>();

    @Test
    void seatsAreHeldWhileThereAreAnyAndThenTheLineBeginsInTheOrderAsked() {
        assertThat(claim("a").state()).isEqualTo(State.HELD);
        assertThat(claim("b").state()).isEqualTo(State.HELD);
        Place c = claim("c");
        Place d = claim("d");

        assertThat(c.state()).isEqualTo(State.WAITING);
        assertThat(seats.waitingPosition(c)).contains(1);
        assertThat(seats.waitingPosition(d)).contains(2);
        assertThat(seats.getPlaces().get(0).heldUntil()).isEqualTo(NOW.plus(HOLD));
    }

    @Test
    void askingAgainForTheSameAttendeeKeepsTheFirstPlace() {
        Place first = claim("a");
        assertThat(claim("a")).isEqualTo(first);
        assertThat(seats.getPlaces()).hasSize(1);
    }

    @Test
    void confirmingTurnsHeldSeatsIntoSeatsAndKeepsWaitingPlacesInLine() {
        claim("a");
        claim("b");
        claim("c");
        seats.confirm("a");
        seats.confirm("c");

        assertThat(stateOf("a")).isEqualTo(State.SEATED);
        assertThat(stateOf("b")).isEqualTo(State.HELD);
        assertThat(stateOf("c")).isEqualTo(State.WAITING);
        assertThat(seats.getPlaces())
                .filteredOn(p -> p.registrationId().equals("c"))
                .allMatch(Place::confirmed);
    }

    @Test
    void aFreedSeatGoesToTheFirstInLineSeatedIfConfirmedAndHeldIfNot() {
        claim("a");
        claim("b");
        claim("c");
        claim("d");
        seats.confirm("d");
        holders.put("c", HolderState.PENDING);
        holders.put("d", HolderState.CONFIRMED);

        assertThat(seats.release("a")).isEqualTo(1);
        assertThat(seats.promote(NOW, HOLD, GRACE, this::holder)).isEmpty();
        assertThat(stateOf("c")).isEqualTo(State.HELD);

        seats.release("b");
        assertThat(seats.promote(NOW, HOLD, GRACE, this::holder))
                .extracting(Place::registrationId)
                .containsExactly("d");
        assertThat(stateOf("d")).isEqualTo(State.SEATED);
    }

    @Test
    void aPlaceWhoseRegistrationIsGoneIsDroppedFromTheLineButNotOneClaimedAMomentAgo() {
        claim("a");
        claim("b");
        Place orphan = claim("orphan");
        seats.release("a");
        holders.put("b", HolderState.PENDING);

        // claimed just now: its registration may be on its way to the store
        seats.promote(NOW.plus(Duration.ofMinutes(1)), HOLD, GRACE, this::holder);
        assertThat(seats.getPlaces()).contains(orphan);

        seats.promote(NOW.plus(Duration.ofMinutes(11)), HOLD, GRACE, this::holder);
        assertThat(seats.getPlaces()).extracting(Place::registrationId).containsExactly("b");
    }

    @Test
    void aHoldThatRanOutIsFreedUnlessTheRegistrationWasConfirmedMeanwhile() {
        claim("pending");
        claim("confirmedButNotHere");
        holders.put("pending", HolderState.PENDING);
        holders.put("confirmedButNotHere", HolderState.CONFIRMED);

        assertThat(seats.expireHolds(NOW.plus(HOLD).minusSeconds(1), this::holder))
                .isZero();
        assertThat(seats.expireHolds(NOW.plus(HOLD), this::holder)).isEqualTo(1);

        assertThat(stateOf("pending")).isNull();
        assertThat(stateOf("confirmedButNotHere")).isEqualTo(State.SEATED);
    }

    @Test
    void aLargerRoomLetsTheLineInAndASmallerOneTakesNobodysSeat() {
        claim("a");
        claim("b");
        claim("c");
        holders.put("c", HolderState.CONFIRMED);

        seats.capacity(1);
        assertThat(seats.promote(NOW, HOLD, GRACE, this::holder)).isEmpty();
        assertThat(seats.seatsTaken()).isEqualTo(2);

        seats.capacity(3);
        assertThat(seats.promote(NOW, HOLD, GRACE, this::holder))
                .extracting(Place::registrationId)
                .containsExactly("c");
    }

    private Place claim(String registrationId) {
        return seats.claim(registrationId, "1", false, NOW, HOLD);
    }

    private HolderState holder(String registrationId) {
        return holders.getOrDefault(registrationId, HolderState.GONE);
    }

    private State stateOf(String registrationId) {
        return seats.getPlaces().stream()
                .filter(p -> p.registrationId().equals(registrationId))
                .map(Place::state)
                .findFirst()
                .orElse(null);
    }
}
