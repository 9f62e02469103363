package se.motesdagen.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a link that carries a secret (a confirm or manage link) before it goes into an event, so that
 * only the service that mails it can read it: the broker's log, a dead-letter topic, a debugging
 * consumer and anything else that keeps the event after the mail went out hold a sealed text, not a
 * working link.
 *
 * <p>AES-256-GCM under a key the publishing service shares with the notification service. The sealed
 * text names its key ({@code seal1.<key id>.<base64url of nonce, ciphertext and tag>}), so keys can be
 * rotated: the first key of the ring seals, every key of the ring opens. Remove a key from the ring once
 * the links it sealed have expired, and what the broker still keeps of them can no longer be opened by
 * anyone. The context (the registration id, for example) is authenticated with the text: a sealed link
 * copied into another registration's event does not open.
 *
 * <p>A key may name the service it belongs to ({@code registration/reg-2027:…}): each producing service
 * holds only its own keys, the notification service all of them, and {@link #open(String, String,
 * String)} opens a link in an event of a producer only under that producer's keys. So a service, or
 * anyone else who can write to the broker, cannot make the municipality mail a link in another
 * service's name. Outside the local stack every key must name its service.
 */
public final class LinkSeal {

    private static final String PREFIX = "seal1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One cipher per thread, initialised anew for each link: looking the algorithm up among the
     * providers cost more than sealing a link. {@code init} resets it whatever it was used for before,
     * and every sealing has a nonce of its own, which GCM requires of a cipher used again.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every JDK", e);
        }
    });

    private final String sealingKeyId;
    private final Map<String, SecretKey> ring;
    private final Map<String, String> ownerByKeyId;

    private LinkSeal(String sealingKeyId, Map<String, SecretKey> ring, Map<String, String> ownerByKeyId) {
        this.sealingKeyId = sealingKeyId;
        this.ring = ring;
        this.ownerByKeyId = ownerByKeyId;
    }

    /**
     * The key ring as configured: {@code [service/]id:base64-key} entries separated by commas, the
     * sealing key first. Each key is 32 bytes (AES-256); an id is 1–16 letters, digits or hyphens, and so
     * is the service it belongs to ({@code registration}, {@code visit}, {@code feedback}, {@code
     * notification}).
     */
    public static LinkSeal of(String keyRing) {
        if (keyRing == null || keyRing.isBlank()) {
            throw new IllegalArgumentException("The link seal needs at least one key (id:base64-key)");
        }
        Map<String, SecretKey> ring = new LinkedHashMap<>();
        Map<String, String> owners = new LinkedHashMap<>();
        for (String entry : List.of(keyRing.split(","))) {
            String[] parts = entry.strip().split(":", 2);
            String[] named = parts[0].split("/", 2);
            if (named.length == 2) {
                if (!named[0].matches("[a-z0-9-]{1,16}")) {
                    throw new IllegalArgumentException("A link seal key's service is 1–16 lower-case letters,"
                            + " digits or hyphens; one entry's is not");
                }
                owners.put(named[1], named[0]);
                parts[0] = named[1];
            }
            if (parts.length != 2 || !parts[0].matches("[A-Za-z0-9-]{1,16}")) {
                throw new IllegalArgumentException("A link seal key is [service/]id:base64-key, the id 1–16"
                        + " letters, digits or hyphens; one entry is not");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(parts[1].strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Link seal key " + parts[0] + " is not base64");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException(
                        "Link seal key " + parts[0] + " has " + key.length + " bytes; it needs 32 (AES-256)");
            }
            if (ring.putIfAbsent(parts[0], new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException("Link seal key " + parts[0] + " is in the ring twice");
            }
        }
        return new LinkSeal(ring.keySet().iterator().next(), Map.copyOf(ring), Map.copyOf(owners));
    }

    /** The ids of the keys that name no service (the local stack's one shared key, or an older ring). */
    public List<String> keysOfNoService() {
        return ring.keySet().stream()
                .filter(id -> !ownerByKeyId.containsKey(id))
                .sorted()
                .toList();
    }

    /**
     * The link inside a sealed text in an event of {@code producer}: as {@link #open(String, String)},
     * and only under a key of that producer (or a key that names no service, which only the local stack
     * has).
     *
     * @throws UnopenableLinkException also when the key belongs to another service
     */
    public String open(String sealed, String context, String producer) {
        String keyId = sealed == null || !sealed.startsWith(PREFIX)
                ? null
                : sealed.substring(PREFIX.length()).split("\\.", 2)[0];
        String owner = keyId == null ? null : ownerByKeyId.get(keyId);
        if (owner != null && !owner.equals(producer)) {
            throw new UnopenableLinkException(
                    "sealed under key " + keyId + " of the " + owner + " service, not of " + producer);
        }
        return open(sealed, context);
    }

    /** The link sealed under the first key, bound to its context. */
    public String seal(String link, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, ring.get(sealingKeyId), nonce, context);
            byte[] sealed = cipher.doFinal(link.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + sealingKeyId + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every JDK", e);
        }
    }

    /**
     * The link inside a sealed text, when it was sealed under a key of the ring for this context.
     *
     * @throws UnopenableLinkException when the text is no sealed link, its key has left the ring, or it
     *     was changed or sealed for another context; it never will open, so retrying does not help
     */
    public String open(String sealed, String context) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new UnopenableLinkException("not a sealed link");
        }
        String[] parts = sealed.substring(PREFIX.length()).split("\\.", 2);
        SecretKey key = parts.length == 2 ? ring.get(parts[0]) : null;
        if (key == null) {
            throw new UnopenableLinkException(
                    parts.length == 2 ? "sealed under key " + parts[0] + ", which is not in the ring" : "malformed");
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(parts[1]);
            if (in.length <= NONCE_BYTES) {
                throw new UnopenableLinkException("too short");
            }
            byte[] nonce = Arrays.copyOf(in, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, context);
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new UnopenableLinkException("not base64url");
        } catch (GeneralSecurityException e) {
            throw new UnopenableLinkException("changed, or sealed for another context");
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String context)
            throws GeneralSecurityException {
        Cipher cipher = CIPHERS.get();
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** A sealed link that cannot be opened with this ring; the message never contains the text. */
    public static final class UnopenableLinkException extends RuntimeException {

        UnopenableLinkException(String why) {
            super("The sealed link cannot be opened: " + why);
        }
    }
}
