package se.motesdagen.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An e-mail address as a key: SHA-256 of the address as people mean it (case and surrounding spaces do
 * not make another address). What a service keeps per address without keeping it (daily caps,
 * unsubscribes), and how an erasure event names the person to forget without carrying the address.
 */
public final class AddressKey {

    private AddressKey() {}

    public static String of(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /** Whether the address (null: none) is the one the key names. */
    public static boolean names(String key, String email) {
        return email != null && of(email).equals(key);
    }
}
