package se.motesdagen.platform.security;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How staff are known to every service: the identity provider whose access tokens the service accepts
 * (the gateway signs staff in and relays the token), how the token's claims become {@link StaffRole}s,
 * and which staff pages each role may open.
 *
 * @param issuer the provider's issuer; a token from any other is refused
 * @param jwkSetUri where its signing keys are published; {@code <issuer>/oauth2/jwks} when unset
 * @param audience the audience a token must be for (the client id, or the API's id at Entra ID)
 * @param roleClaim the claim that holds the person's roles or groups
 * @param roleMapping the provider's names for roles or groups, mapped to ours; the four names themselves
 *     always map to their role, any other value is ignored
 * @param access which roles may open which staff paths, first match wins; a path that no rule names is
 *     for ADMIN alone
 * @param signInUrl where a person whose sign-in has run out signs in again (the gateway's)
 */
@ConfigurationProperties("motesdagen.staff")
public record StaffProperties(
        @DefaultValue("http://localhost:9000") URI issuer,
        URI jwkSetUri,
        @DefaultValue("motesdagen") String audience,
        @DefaultValue("roles") String roleClaim,
        @DefaultValue Map<String, StaffRole> roleMapping,
        @DefaultValue List<Access> access,
        @DefaultValue("/logga-in") String signInUrl) {

    /**
     * One line of a service's route matrix.
     *
     * @param paths path patterns, each optionally led by a method: {@code GET /personal/forslag}
     * @param roles the roles that may use them
     */
    public record Access(List<String> paths, Set<StaffRole> roles) {}

    /** Where the issuer's signing keys are. */
    public URI keys() {
        return jwkSetUri != null ? jwkSetUri : URI.create(issuer.toString().replaceAll("/+$", "") + "/oauth2/jwks");
    }
}
