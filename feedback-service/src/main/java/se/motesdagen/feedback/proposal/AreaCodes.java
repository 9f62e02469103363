package se.motesdagen.feedback.proposal;

import java.util.List;

/**
 * The authority areas a proposal is tagged with and a survey answer can be about: the registration's
 * area codes (Insikt's six authority areas and the wider themes of the dialogue day), named in the
 * messages as {@code area.<code>}.
 */
public final class AreaCodes {

    public static final List<String> CODES = List.of(
            "bygglov",
            "miljo-och-halsoskydd",
            "livsmedelskontroll",
            "serveringstillstand",
            "brandskydd",
            "markupplatelse",
            "kompetensforsorjning",
            "upphandling",
            "etablering-och-lokaler",
            "infrastruktur-och-kommunikationer",
            "annat");

    private AreaCodes() {}

    /** The code if it is one of ours; null for a blank or unknown one. */
    public static String known(String code) {
        return code != null && CODES.contains(code) ? code : null;
    }
}
