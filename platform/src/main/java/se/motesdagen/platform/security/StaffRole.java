package se.motesdagen.platform.security;

/**
 * What a member of staff may do, the same four in every service (README, "Staff and roles"). The
 * identity provider says which a person has; {@link StaffProperties#roleMapping()} translates its own
 * names (an Entra ID group's object id, a Keycloak role) into these.
 */
public enum StaffRole {
    /** Everything, and the audit log, users and settings. */
    ADMIN,
    /** Registrations, the programme, visits, the mail log and exports. */
    PLANNER,
    /** A politician or an official who makes visits: their own itinerary, visits and visit reports only. */
    HOST,
    /** Feedback dashboards and anonymous answers; no name, e-mail or organisation number. */
    ANALYST;

    /** The authority Spring Security checks: {@code ROLE_PLANNER}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
