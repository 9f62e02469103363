package se.motesdagen.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns an access token into the {@link StaffRole}s it grants: each value of the role claim (a list or
 * one string) is one of our four names, or a name the municipality mapped to one; anything else grants
 * nothing, so a group the provider adds later never opens a page by accident.
 */
final class StaffAuthorities implements Converter<Jwt, JwtAuthenticationToken> {

    private final StaffProperties staff;

    StaffAuthorities(StaffProperties staff) {
        this.staff = staff;
    }

    @Override
    public JwtAuthenticationToken convert(Jwt token) {
        return new JwtAuthenticationToken(token, authoritiesOf(token), token.getSubject());
    }

    Collection<GrantedAuthority> authoritiesOf(Jwt token) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        for (String value : valuesOf(token.getClaim(staff.roleClaim()))) {
            StaffRole mapped = staff.roleMapping().get(value);
            if (mapped != null) {
                roles.add(mapped);
            } else {
                for (StaffRole role : StaffRole.values()) {
                    if (role.name().equals(value.toUpperCase(Locale.ROOT))) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles.stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
    }

    private static List<String> valuesOf(Object claim) {
        return switch (claim) {
            case null -> List.of();
            case String one -> List.of(one.split("[,\\s]+"));
            case Collection<?> many -> many.stream().map(String::valueOf).toList();
            default -> List.of();
        };
    }
}
