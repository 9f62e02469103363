package se.motesdagen.visit.planning;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * What has already been published for a day, as planning needs it: the visits whose companies have a
 * time (given, or confirmed) and the hosts who come. A new proposal keeps them where they are unless
 * staff let them go, so companies are not sent new times they did not ask for. Implemented where the
 * published visits are kept.
 */
public interface PublishedVisits {

    /** A published visit: its request, the hosts who come, and its start (Stockholm time). */
    record Kept(String requestId, Set<String> hostIds, LocalDateTime start) {}

    /** The visits of that day with a time the company has been told and not asked to change. */
    List<Kept> kept(LocalDate day);
}
