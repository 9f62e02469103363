package se.motesdagen.registration.signup;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a company may want to talk about at a visit: the six areas of myndighetsutövning that SKR's
 * Insikt measures, then the themes of the day. The code travels in events; the words are in messages.
 */
public enum VisitArea {
    BYGGLOV("bygglov"),
    MILJO_OCH_HALSOSKYDD("miljo-och-halsoskydd"),
    LIVSMEDELSKONTROLL("livsmedelskontroll"),
    SERVERINGSTILLSTAND("serveringstillstand"),
    BRANDSKYDD("brandskydd"),
    MARKUPPLATELSE("markupplatelse"),
    KOMPETENSFORSORJNING("kompetensforsorjning"),
    UPPHANDLING("upphandling"),
    ETABLERING("etablering-och-lokaler"),
    INFRASTRUKTUR("infrastruktur-och-kommunikationer");

    private final String code;

    VisitArea(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** One of the four areas of Insikt's total NKI and the two reported apart. */
    public boolean isInsikt() {
        return ordinal() <= MARKUPPLATELSE.ordinal();
    }
}
