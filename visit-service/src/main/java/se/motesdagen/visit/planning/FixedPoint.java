package se.motesdagen.visit.planning;

/** A fixed point of the day every team keeps, such as the joint lunch: when, and where it is held. */
public record FixedPoint(String title, Window window, Place place) {}
