package se.motesdagen.visit.host;

/**
 * Told inside the service when a host is erased: Publishing makes the visits they were on forget them
 * (their name, address and phone on the visit, and a report they signed), and the visits stay.
 */
public record HostErased(String hostId, String email) {}
