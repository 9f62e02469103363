package se.motesdagen.visit.planning;

/** A point on the map: a locality of the municipality, or an address placed by its locality. */
public record Place(String name, double latitude, double longitude) {}
