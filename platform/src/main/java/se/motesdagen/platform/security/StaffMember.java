package se.motesdagen.platform.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The member of staff behind a request, as the identity provider's token names them.
 *
 * @param subject the provider's stable id for the person (the token's {@code sub})
 * @param name what the page frame shows
 * @param email how a host is matched to their own visits; may be empty
 * @param roles what they may do here
 */
public record StaffMember(String subject, String name, String email, Set<StaffRole> roles) {

    /** The one signed in on this request, if any. */
    public static Optional<StaffMember> current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The member of staff an authentication stands for; empty for anonymous requests. */
    public static Optional<StaffMember> from(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token) || !token.isAuthenticated()) {
            return Optional.empty();
        }
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        for (GrantedAuthority authority : token.getAuthorities()) {
            for (StaffRole role : StaffRole.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        String subject = token.getToken().getSubject();
        String name = firstOf(
                token.getToken().getClaimAsString("name"),
                token.getToken().getClaimAsString("preferred_username"),
                subject);
        String email = firstOf(token.getToken().getClaimAsString("email"), "");
        return Optional.of(new StaffMember(subject, name, email, Set.copyOf(roles)));
    }

    public boolean has(StaffRole role) {
        return roles.contains(role);
    }

    /** Registrations, programme, visits, mail: ADMIN or PLANNER. */
    public boolean plans() {
        return has(StaffRole.ADMIN) || has(StaffRole.PLANNER);
    }

    /** The feedback results without personal data: ANALYST, or anyone who plans. */
    public boolean analyses() {
        return plans() || has(StaffRole.ANALYST);
    }

    /** Makes visits, and sees only their own. */
    public boolean hosts() {
        return has(StaffRole.HOST);
    }

    public boolean administers() {
        return has(StaffRole.ADMIN);
    }

    /** Whether this member of staff is the host known by that e-mail address (case does not matter). */
    public boolean isHost(String hostEmail) {
        return hosts() && !email.isBlank() && hostEmail != null && email.equalsIgnoreCase(hostEmail.strip());
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }
}
