package se.motesdagen.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import se.motesdagen.platform.security.PlatformSecurityAutoConfiguration;
import se.motesdagen.platform.security.StaffProperties;
import se.motesdagen.platform.security.StaffRole;

/**
 * Access tokens as the identity provider issues them, signed by a key made for this test run, and the
 * decoder that trusts that key ({@link Decoder}) in place of the provider's published keys. Everything
 * else, the claims to roles, issuer, audience and expiry checks, is the services' own.
 */
public final class StaffTokens {

    public static final String ISSUER = "http://localhost:9000";

    public static final String AUDIENCE = "motesdagen";

    private static final RSAKey KEY = generate();

    private StaffTokens() {}

    /** A member of staff with these roles (and a name and e-mail made from them). */
    public static String tokenFor(StaffRole... roles) {
        String who = roles.length == 0
                ? "utan-roll"
                : String.join(
                        "-",
                        Arrays.stream(roles)
                                .map(r -> r.name().toLowerCase(Locale.ROOT))
                                .toList());
        return token(
                who,
                "Test " + who,
                who + "@nykoping.example",
                Arrays.stream(roles).map(Enum::name).toList());
    }

    /** A token with exactly these claims, valid for an hour. */
    public static String token(String subject, String name, String email, List<String> roles) {
        return token(claims(subject, name, email, roles, Instant.now().plus(Duration.ofHours(1))), KEY);
    }

    /** The claims the local identity provider puts in a token, expiring when said. */
    public static JWTClaimsSet.Builder claims(
            String subject, String name, String email, List<String> roles, Instant expires) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .claim("name", name)
                .claim("email", email)
                .claim("roles", roles)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(expires.minus(Duration.ofHours(1))))
                .expirationTime(Date.from(expires));
    }

    /** Signs the claims with the trusted key. */
    public static String token(JWTClaimsSet.Builder claims) {
        return token(claims, KEY);
    }

    /** Signs the claims with a key nobody trusts: what a forger can make. */
    public static String forged(JWTClaimsSet.Builder claims) {
        return token(claims, generate());
    }

    /** The trusted key as an identity provider publishes it (a JWK Set), for a service in its own process. */
    public static String publicKeys() {
        return new JWKSet(KEY.toPublicJWK()).toString();
    }

    /** The request carries the token as the gateway relays it. */
    public static RequestPostProcessor as(StaffRole... roles) {
        return bearer(tokenFor(roles));
    }

    public static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    private static String token(JWTClaimsSet.Builder claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Import into a test's context: the services' token checks, with this run's key as the provider's. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Decoder {

        @Bean
        JwtDecoder testStaffTokenDecoder(StaffProperties staff) {
            try {
                NimbusJwtDecoder decoder =
                        NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
                decoder.setJwtValidator(PlatformSecurityAutoConfiguration.validatorFor(staff));
                return decoder;
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
