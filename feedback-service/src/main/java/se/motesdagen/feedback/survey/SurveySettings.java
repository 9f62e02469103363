package se.motesdagen.feedback.survey;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import se.motesdagen.feedback.nki.IndexScale;

/**
 * The survey's configuration, under {@code motesdagen.feedback.survey}: the answer scale and the NKI
 * weights (DOMAIN.md's defaults: 1–6, equal weights) and how long an invitation stays open.
 */
@ConfigurationProperties("motesdagen.feedback.survey")
public record SurveySettings(
        @DefaultValue("1") int scaleLowest,
        @DefaultValue("6") int scaleHighest,
        @DefaultValue({"1", "1", "1"}) List<Double> nkiWeights,
        @DefaultValue("21d") Duration open) {

    public IndexScale scale() {
        return new IndexScale(scaleLowest, scaleHighest, nkiWeights);
    }

    public Questionnaire questionnaire() {
        return Questionnaire.insikt(scale());
    }
}
