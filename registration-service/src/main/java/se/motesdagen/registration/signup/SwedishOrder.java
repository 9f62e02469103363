package se.motesdagen.registration.signup;

import java.text.Collator;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Names in Swedish alphabetical order (… x, y, z, å, ä, ö; upper and lower case together) in a store
 * that sorts strings by their bytes, as the local stack's store does: the name's Swedish collation key,
 * written in hex, sorts the same way byte by byte.
 */
public final class SwedishOrder {

    private static final ThreadLocal<Collator> SWEDISH = ThreadLocal.withInitial(() -> {
        Collator collator = Collator.getInstance(Locale.of("sv", "SE"));
        collator.setStrength(Collator.SECONDARY); // case does not count; å and a differ
        return collator;
    });

    private SwedishOrder() {}

    /** The sort key of a name; null for none. */
    public static String key(String name) {
        return name == null
                ? null
                : HexFormat.of()
                        .formatHex(SWEDISH.get().getCollationKey(name.strip()).toByteArray());
    }
}
