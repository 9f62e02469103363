package se.motesdagen.visit.planning;

import java.util.HashMap;
import java.util.Map;

/**
 * Driving minutes between two places, as DOMAIN.md assumes them: the straight-line distance × 1.3 (the
 * road is longer than the crow flies) at 50 km/h, plus 5 minutes to park; between two localities the
 * municipality knows better, its own figure (an override per pair, either way).
 */
public final class TravelTimes {

    static final double ROAD_FACTOR = 1.3;
    static final double KM_PER_HOUR = 50;
    static final int PARKING_MINUTES = 5;
    private static final double EARTH_RADIUS_KM = 6371.0;

    private final Map<String, Integer> overrides = new HashMap<>();

    /** The municipality's own minutes for driving between two localities, both ways. */
    public TravelTimes override(String from, String to, int minutes) {
        overrides.put(key(from, to), minutes);
        overrides.put(key(to, from), minutes);
        return this;
    }

    /** Minutes from one place to another; 0 when they are the same place. */
    public int minutes(Place from, Place to) {
        if (from.equals(to)) {
            return 0;
        }
        if (!overrides.isEmpty()) { // the solver asks at every step: no string building when there is nothing to find
            Integer known = overrides.get(key(from.name(), to.name()));
            if (known != null) {
                return known;
            }
        }
        double km = distanceKm(from, to) * ROAD_FACTOR;
        return (int) Math.ceil(km / KM_PER_HOUR * 60) + PARKING_MINUTES;
    }

    /** Great-circle distance (haversine). */
    static double distanceKm(Place a, Place b) {
        double lat1 = Math.toRadians(a.latitude());
        double lat2 = Math.toRadians(b.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
    }

    private static String key(String from, String to) {
        return from + "→" + to;
    }
}
