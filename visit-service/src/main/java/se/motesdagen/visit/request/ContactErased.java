package se.motesdagen.visit.request;

/**
 * Told inside the service when a registration's contact person was erased while the registration stays:
 * Publishing makes the visit planned for it forget the contact too, and it stays planned.
 */
public record ContactErased(String registrationId) {}
