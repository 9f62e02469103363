package se.motesdagen.notification.reminders;

import java.util.Optional;
import se.motesdagen.notification.mail.Letter;

/**
 * Makes a due reminder's letter from what was stored when it was scheduled: the reading of the event
 * that asked for it, which only the reader of that event's contract understands (inbound/).
 */
public interface ReminderLetters {

    /** The letter for a reminder of this template; empty for a template nobody makes letters for. */
    Optional<Letter> letterFor(String template, String payload);
}
