package se.motesdagen.feedback.survey;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What staff chose to ask in one kind of survey (after the day, after a visit, the yearly survey): which
 * of the six service factors, and whether the respondent names the authority area of their matter.
 * Keyed by the kind; a kind nobody has set asks the defaults.
 */
@Document("surveyDesigns")
public record SurveyDesign(@Id String kind, List<String> factors, boolean askArea, Instant changedAt) {}
