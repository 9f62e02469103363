package se.motesdagen.visit.request;

/**
 * Told inside the service when a request is no longer to be visited: the company withdrew the wish or
 * cancelled ({@code erased} false), or its registration was erased ({@code erased} true). Publishing
 * cancels a visit already published for it.
 */
public record VisitRequestWithdrawn(String registrationId, boolean erased) {}
