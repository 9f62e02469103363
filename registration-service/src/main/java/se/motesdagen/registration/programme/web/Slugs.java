package se.motesdagen.registration.programme.web;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;

/** Readable ids for addresses and printed invitations: "Stora Mötesdagen 2028" → stora-motesdagen-2028. */
final class Slugs {

    private static final int MAX_LENGTH = 60;

    private Slugs() {}

    /** The slug of the text, with -2, -3 … added until it is not taken; "dag" for a text with no letters. */
    static String of(String text, Predicate<String> taken) {
        String base = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (base.length() > MAX_LENGTH) {
            base = base.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        if (base.isEmpty()) {
            base = "dag";
        }
        String slug = base;
        for (int n = 2; taken.test(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
