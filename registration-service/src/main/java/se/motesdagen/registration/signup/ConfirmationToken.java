package se.motesdagen.registration.signup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret in an e-mail link. 256 random bits, base64url in the link; only its SHA-256 is stored,
 * so a copy of the database cannot be used to confirm anyone's registration.
 */
public record ConfirmationToken(String value, String hash, Instant expiresAt) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static ConfirmationToken issue(Instant now, Duration validFor) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new ConfirmationToken(value, hashOf(value), now.plus(validFor));
    }

    /** The stored form of a token as it came in a link. */
    public static String hashOf(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /** Rejects what cannot be a token before any lookup: wrong length or alphabet. */
    public static boolean isWellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }
}
