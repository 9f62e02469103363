package se.motesdagen.registration.manage;

import java.util.List;
import se.motesdagen.registration.seats.Placement;
import se.motesdagen.registration.signup.Registration;

/** What a person who opened a manage link is shown, or what pressing "cancel" did. */
public sealed interface ManageResult {

    /** The link is good: the registration, its seats and places in line, and the cancel button. */
    record Found(Registration registration, List<Placement> placements) implements ManageResult {}

    record Cancelled(Registration registration) implements ManageResult {}

    record AlreadyCancelled(Registration registration) implements ManageResult {}

    /** The day is over. */
    record Expired() implements ManageResult {}

    record UnknownLink() implements ManageResult {}
}
