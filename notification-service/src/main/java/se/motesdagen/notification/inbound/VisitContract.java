package se.motesdagen.notification.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** This service's reading of the visit events it consumes: only the fields it uses. */
public final class VisitContract {

    static final String SCHEDULED_V1 = "se.motesdagen.visit.scheduled.v1";
    static final String RESCHEDULED_V1 = "se.motesdagen.visit.rescheduled.v1";
    static final String SCHEDULED_V2 = "se.motesdagen.visit.scheduled.v2";
    static final String RESCHEDULED_V2 = "se.motesdagen.visit.rescheduled.v2";
    static final String CANCELLED_V1 = "se.motesdagen.visit.cancelled.v1";
    static final String ITINERARY_PUBLISHED_V1 = "se.motesdagen.visit.itinerary-published.v1";
    static final String HOST_ERASED_V1 = "se.motesdagen.visit.host-erased.v1";

    private VisitContract() {}

    /**
     * A visit as VisitScheduled, VisitRescheduled and VisitCancelled carry it: each fills in the fields
     * of its own kind (the previous time, the links, when it happened) and leaves the others null.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Visit(
            String visitId,
            String registrationId,
            String eventName,
            Company company,
            Contact contact,
            String language,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            OffsetDateTime previousStartsAt,
            OffsetDateTime previousEndsAt,
            List<Host> hosts,
            List<String> topics,
            String reason,
            String confirmUrl,
            String changeRequestUrl,
            Instant scheduledAt,
            Instant rescheduledAt,
            Instant cancelledAt) {

        Visit {
            hosts = hosts == null ? List.of() : hosts;
            topics = topics == null ? List.of() : topics;
        }

        /** When the visit came to look like this: it orders the calendar updates. */
        public Instant changedAt() {
            return cancelledAt != null ? cancelledAt : rescheduledAt != null ? rescheduledAt : scheduledAt;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Company(String name, String address, String locality) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Contact(String name, String email, String phone) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Host(String hostId, String name, String role, String title) {}

    /** One host's day as published; the latest one holds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Itinerary(
            String itineraryId,
            ItineraryHost host,
            LocalDate date,
            String eventName,
            Team team,
            List<Stop> stops,
            String itineraryUrl,
            Instant publishedAt) {

        Itinerary {
            stops = stops == null ? List.of() : stops;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ItineraryHost(String hostId, String name, String email, String language) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Team(String name, List<Member> members) {

        Team {
            members = members == null ? List.of() : members;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Member(String name, String title, String phone) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stop(
            String kind,
            String visitId,
            String registrationId,
            String title,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            String address,
            String locality,
            Contact contact,
            String meets,
            List<String> topics,
            int driveMinutesBefore) {

        Stop {
            topics = topics == null ? List.of() : topics;
        }

        boolean visit() {
            return "visit".equals(kind);
        }
    }

    /** {@code host-erased.v1}: a host erased from the roster, by the key of their address. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record HostErased(String erasureId, String hostId, String addressKey) {}
}
