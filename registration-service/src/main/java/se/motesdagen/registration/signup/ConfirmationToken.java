package se.motesdagen.registration.signup;

import java.time.Duration;
import java.time.Instant;
import se.motesdagen.platform.security.LinkSecret;

/**
 * The secret in an e-mail link. 256 random bits, base64url in the link; only its SHA-256 is stored,
 * so a copy of the database cannot be used to confirm anyone's registration.
 */
public record ConfirmationToken(String value, String hash, Instant expiresAt) {

    public static ConfirmationToken issue(Instant now, Duration validFor) {
        String value = LinkSecret.issue();
        return new ConfirmationToken(value, hashOf(value), now.plus(validFor));
    }

    /** The stored form of a token as it came in a link. */
    public static String hashOf(String token) {
        return LinkSecret.hash(token);
    }

    /** Rejects what cannot be a token before any lookup: wrong length or alphabet. */
    public static boolean isWellFormed(String token) {
        return LinkSecret.isWellFormed(token);
    }
}
