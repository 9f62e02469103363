package se.motesdagen.registration.seats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;
import se.motesdagen.platform.outbox.Outbox;
import se.motesdagen.registration.programme.Day;

/** Records {@code WaitlistPromoted} in the session's outbox, matching its schema in {@code contracts/}. */
@Component
class WaitlistEvents {

    static final String PROMOTED_V1 = "se.motesdagen.registration.waitlist-promoted.v1";

    private final Outbox outbox;

    WaitlistEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Keyed by the registration, so it stays in order with that registration's own events. Not when the
     * contact person was erased: the seat is given all the same, but there is nobody to tell.
     */
    void promoted(
            SessionSeats seats,
            Day day,
            Day.Session session,
            SessionSeats.Place place,
            SeatHolders.Holder holder,
            Instant now) {
        if (holder.contactEmail() == null) {
            return;
        }
        var body = new WaitlistPromotedV1(
                place.registrationId(),
                day.id(),
                day.name(),
                day.date(),
                day.location(),
                new SessionV1(
                        session.id(),
                        session.title(),
                        day.at(session.startsAt()).toOffsetDateTime(),
                        day.at(session.endsAt()).toOffsetDateTime(),
                        session.room()),
                place.attendeeId(),
                holder.attendeeNames().get(place.attendeeId()),
                holder.companyName(),
                new ContactV1(holder.contactName(), holder.contactEmail()),
                holder.language(),
                now);
        outbox.record(seats, PROMOTED_V1, place.registrationId(), body);
    }

    record WaitlistPromotedV1(
            String registrationId,
            String eventId,
            String eventName,
            LocalDate eventDate,
            String eventLocation,
            SessionV1 session,
            String attendeeId,
            String attendeeName,
            String companyName,
            ContactV1 contact,
            String language,
            Instant promotedAt) {}

    record SessionV1(String sessionId, String title, OffsetDateTime startsAt, OffsetDateTime endsAt, String room) {}

    record ContactV1(String name, String email) {}
}
