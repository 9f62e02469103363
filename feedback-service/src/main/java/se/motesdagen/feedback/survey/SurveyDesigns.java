package se.motesdagen.feedback.survey;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The questionnaire of each kind of survey, as staff set it: every factor and no area question after the
 * day (a day touches no single authority), every factor with the area question after a visit and in the
 * yearly survey, until staff choose otherwise. A change applies to every survey page opened after it;
 * answers already given keep what they answered.
 */
@Service
public class SurveyDesigns {

    public static final List<String> KINDS = List.of("day", "visit", "yearly");

    private final SurveyDesignRepository designs;
    private final SurveySettings settings;
    private final Clock clock;

    SurveyDesigns(SurveyDesignRepository designs, SurveySettings settings, Clock clock) {
        this.designs = designs;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a survey of this kind asks now. */
    public Questionnaire questionnaire(String kind) {
        SurveyDesign design = design(kind);
        return new Questionnaire(design.factors(), Questionnaire.NKI, settings.scale(), design.askArea());
    }

    /** Every kind with what it asks, in the order staff see them. */
    public Map<String, SurveyDesign> all() {
        Map<String, SurveyDesign> all = new LinkedHashMap<>();
        KINDS.forEach(kind -> all.put(kind, design(kind)));
        return all;
    }

    /**
     * Sets what a kind asks: the factors in the questionnaire's own order, unknown ones dropped. Refused
     * (false) for an unknown kind.
     */
    public boolean save(String kind, List<String> factors, boolean askArea) {
        if (!KINDS.contains(kind)) {
            return false;
        }
        List<String> chosen =
                Questionnaire.FACTORS.stream().filter(factors::contains).toList();
        designs.save(new SurveyDesign(kind, chosen, askArea, clock.instant()));
        return true;
    }

    private SurveyDesign design(String kind) {
        return designs.findById(kind == null ? "" : kind)
                .orElseGet(() -> new SurveyDesign(kind, Questionnaire.FACTORS, !"day".equals(kind), null));
    }
}
