package se.motesdagen.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret in a link sent by e-mail (confirm a registration, answer a visit time, open a survey): 256
 * random bits, base64url in the link, and only its SHA-256 kept, so a copy of the database opens nothing.
 */
public final class LinkSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkSecret() {}

    /** A new secret for a link. */
    public static String issue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of a secret as it came in a link. */
    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /** Whether the text can be a secret at all (length and alphabet), checked before any lookup. */
    public static boolean isWellFormed(String secret) {
        return secret != null && secret.matches("[A-Za-z0-9_-]{43}");
    }
}
