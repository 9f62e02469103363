package se.motesdagen.registration.programme;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A question staff add to a day's registration form: asked once of the company, or of each attendee.
 * Its id never changes (answers, exports and the API name it); its wording may, and an answer keeps the
 * wording it was given to. A removed question is no longer asked, and its answers stay in the exports.
 *
 * @param shownWhen asked only when another question (of the company, or of the same attendee) has this
 *     answer; null to ask always. One level: the other question has no condition of its own.
 */
public record Question(
        String id,
        Kind kind,
        Scope scope,
        boolean required,
        String textSv,
        String textEn,
        String helpSv,
        String helpEn,
        List<Choice> choices,
        Condition shownWhen,
        boolean removed) {

    /** The longest answer to a short text question, and to a long one. */
    public static final int SHORT_TEXT_MAX = 200;

    public static final int LONG_TEXT_MAX = 2000;

    /** The most choices a question may offer. */
    public static final int MAX_CHOICES = 30;

    public Question {
        choices = choices == null || !kind.hasChoices() ? List.of() : List.copyOf(choices);
    }

    public enum Kind {
        SHORT_TEXT,
        LONG_TEXT,
        SINGLE_CHOICE,
        MULTIPLE_CHOICE,
        YES_NO,
        NUMBER,
        DATE;

        public boolean hasChoices() {
            return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
        }

        /** Whether another question can be shown on one of this one's answers. */
        public boolean canCondition() {
            return hasChoices() || this == YES_NO;
        }
    }

    public enum Scope {
        COMPANY,
        ATTENDEE
    }

    /** One choice, with a stable id and its wording in both languages. */
    public record Choice(String id, String sv, String en) {

        public String text(Locale locale) {
            return english(locale) && en != null && !en.isBlank() ? en : sv;
        }
    }

    /** Shown when the question {@code questionId} has the answer {@code value} (a choice id, or yes/no). */
    public record Condition(String questionId, String value) {}

    /** The yes/no answers as stored. */
    public static final String YES = "yes";

    public static final String NO = "no";

    public String text(Locale locale) {
        return english(locale) && textEn != null && !textEn.isBlank() ? textEn : textSv;
    }

    /** The help text in the language, or null. */
    public String help(Locale locale) {
        String help = english(locale) && helpEn != null && !helpEn.isBlank() ? helpEn : helpSv;
        return help == null || help.isBlank() ? null : help;
    }

    public Optional<Choice> choice(String choiceId) {
        return choices.stream().filter(c -> c.id().equals(choiceId)).findFirst();
    }

    public boolean forAttendees() {
        return scope == Scope.ATTENDEE;
    }

    /** The answer as people read it: a choice's wording, Ja/Nej, or the value itself. */
    public String label(String value, Locale locale) {
        if (kind.hasChoices()) {
            return choice(value).map(c -> c.text(locale)).orElse(value);
        }
        if (kind == Kind.YES_NO) {
            boolean english = english(locale);
            return YES.equals(value) ? (english ? "Yes" : "Ja") : (english ? "No" : "Nej");
        }
        return value;
    }

    public Question withRemoved(boolean removed) {
        return new Question(id, kind, scope, required, textSv, textEn, helpSv, helpEn, choices, shownWhen, removed);
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
