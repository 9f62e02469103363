package se.motesdagen.feedback.survey;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import se.motesdagen.feedback.nki.IndexScale;

/**
 * The survey's configuration, under {@code motesdagen.feedback.survey}: the answer scale and the NKI
 * weights (DOMAIN.md's defaults: 1–6, equal weights), how long an invitation stays open, how long after
 * a company was checked in it is asked about the day, and when the (at most two) reminders go.
 */
@ConfigurationProperties("motesdagen.feedback.survey")
public record SurveySettings(
        @DefaultValue("1") int scaleLowest,
        @DefaultValue("6") int scaleHighest,
        @DefaultValue({"1", "1", "1"}) List<Double> nkiWeights,
        @DefaultValue("21d") Duration open,
        @DefaultValue("24h") Duration dayDelay,
        @DefaultValue({"7d", "14d"}) List<Duration> reminders) {

    public IndexScale scale() {
        return new IndexScale(scaleLowest, scaleHighest, nkiWeights);
    }

    public Questionnaire questionnaire() {
        return Questionnaire.insikt(scale());
    }
}
