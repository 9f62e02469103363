package se.motesdagen.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** The role claim, as a list, a string or absent, becomes our roles and nothing else. */
class StaffAuthoritiesTests {

    private final StaffAuthorities authorities = new StaffAuthorities(new StaffProperties(
            URI.create("http://localhost:9000"),
            null,
            "motesdagen",
            "groups",
            Map.of("7c1d0f3a-grupp-planerare", StaffRole.PLANNER),
            List.of(),
            "/logga-in"));

    @Test
    void ourNamesInAnyCaseAndMappedGroupsBecomeRolesOthersNothing() {
        assertThat(roles(List.of("admin", "7c1d0f3a-grupp-planerare", "Domain Users", "HOSTS")))
                .containsExactly("ROLE_ADMIN", "ROLE_PLANNER");
        assertThat(roles("ANALYST HOST")).containsExactly("ROLE_HOST", "ROLE_ANALYST");
        assertThat(roles(null)).isEmpty();
        assertThat(roles(42)).isEmpty();
    }

    @Test
    void theMemberCarriesNameEmailAndRolesAndKnowsItsOwnHostAddress() {
        Jwt jwt = jwt(List.of("HOST"));
        StaffMember member = StaffMember.from(authorities.convert(jwt)).orElseThrow();

        assertThat(member.name()).isEqualTo("Lars Larsson");
        assertThat(member.roles()).containsExactly(StaffRole.HOST);
        assertThat(member.isHost(" LARS.LARSSON@nykoping.example")).isTrue();
        assertThat(member.isHost("annan@nykoping.example")).isFalse();
        assertThat(member.plans()).isFalse();
    }

    private List<String> roles(Object claim) {
        return authorities.authoritiesOf(jwt(claim)).stream()
                .map(GrantedAuthority::getAuthority)
                .sorted((a, b) -> order(a) - order(b))
                .toList();
    }

    private static int order(String authority) {
        return StaffRole.valueOf(authority.substring(5)).ordinal();
    }

    private static Jwt jwt(Object groups) {
        Jwt.Builder builder = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("lars")
                .claim("name", "Lars Larsson")
                .claim("email", "lars.larsson@nykoping.example");
        if (groups != null) {
            builder.claim("groups", groups);
        }
        return builder.build();
    }
}
