package se.motesdagen.notification.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** How this service keys what it keeps per e-mail address (daily caps, unsubscribes) without keeping the address. */
public final class Addresses {

    private Addresses() {}

    /** SHA-256 of the address as people mean it: case and surrounding spaces do not make another address. */
    public static String key(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
