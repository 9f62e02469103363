package se.motesdagen.visit.request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The areas a visit can be about, by the codes the registration form sends (the six Insikt areas of
 * myndighetsutövning, then the day's themes), with their Swedish names. Staff may type either the code
 * or the name (a host's expertise, a report); both mean the same area.
 */
public final class Areas {

    /** Code → Swedish name, in the order forms list them. */
    public static final Map<String, String> NAMES = names();

    private Areas() {}

    private static Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("bygglov", "Bygglov");
        names.put("miljo-och-halsoskydd", "Miljö- och hälsoskydd");
        names.put("livsmedelskontroll", "Livsmedelskontroll");
        names.put("serveringstillstand", "Serveringstillstånd");
        names.put("brandskydd", "Brandskydd");
        names.put("markupplatelse", "Markupplåtelse");
        names.put("kompetensforsorjning", "Kompetensförsörjning");
        names.put("upphandling", "Kommunens upphandlingar");
        names.put("etablering-och-lokaler", "Etablering, mark och lokaler");
        names.put("infrastruktur-och-kommunikationer", "Infrastruktur och kommunikationer");
        return Collections.unmodifiableMap(names);
    }

    /**
     * The area's code when the text names a known area by code or by name (in any case); otherwise the
     * text itself, stripped and in lower case: a topic of the company's own.
     */
    public static String normalise(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        if (NAMES.containsKey(lower)) {
            return lower;
        }
        return NAMES.entrySet().stream()
                .filter(e -> e.getValue().toLowerCase(Locale.ROOT).equals(lower))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(lower);
    }

    /** What people read: the Swedish name of a known area, or the topic as it is. */
    public static String name(String codeOrTopic) {
        return NAMES.getOrDefault(codeOrTopic, codeOrTopic);
    }
}
