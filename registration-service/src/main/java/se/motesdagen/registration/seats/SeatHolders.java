package se.motesdagen.registration.seats;

import java.util.Map;
import java.util.Optional;

/**
 * The registrations behind the places, as the seats need to know them: whether one is confirmed, and
 * whom to tell when it gets a seat from the waiting list. Implemented where registrations live, so
 * the seats do not depend on them.
 */
public interface SeatHolders {

    /** Empty when no such registration is stored or it was cancelled. */
    Optional<Holder> find(String registrationId);

    record Holder(
            SessionSeats.HolderState state,
            String companyName,
            String contactName,
            String contactEmail,
            String language,
            Map<String, String> attendeeNames) {}
}
