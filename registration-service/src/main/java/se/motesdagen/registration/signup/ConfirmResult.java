package se.motesdagen.registration.signup;

import java.util.List;
import se.motesdagen.registration.seats.Placement;

/** What a person who opened a confirm link is told. */
public sealed interface ConfirmResult {

    /** The link is good and nothing has changed: the person confirms by pressing the button. */
    record AwaitingConfirmation(Registration registration) implements ConfirmResult {}

    /** Confirmed now; the placements say who has a seat and who waits, per session. */
    record Confirmed(Registration registration, List<Placement> placements) implements ConfirmResult {}

    record AlreadyConfirmed(Registration registration, List<Placement> placements) implements ConfirmResult {}

    record Expired(String dayId) implements ConfirmResult {}

    /**
     * Another registration of the same company was confirmed first: this one waits for staff, who give
     * the company's place to one of them.
     */
    record Contested(String companyName) implements ConfirmResult {}

    /** The registration was confirmed and later cancelled. */
    record Cancelled(String companyName) implements ConfirmResult {}

    record UnknownLink() implements ConfirmResult {}
}
