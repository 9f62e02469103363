package se.motesdagen.notification.mail;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an event asks to be mailed, before it is rendered: the template, to whom, in which language and
 * with what in it. Made by the same code for the real mail and for the staff's template preview.
 *
 * @param registrationId the registration the mail is about, so it shows on the company's timeline; null
 *     for a mail about none (a host's itinerary)
 * @param part which of several mails of one template the event asks for (the follow-up report goes to
 *     every participant): part of the message id, so each is queued once; null when there is one
 * @param mentions the other registrations whose people the text names (a host's itinerary lists the
 *     companies' contacts): an erasure of any of them takes the text out of the stored mail
 */
public record Letter(
        String template,
        String registrationId,
        String recipient,
        Locale locale,
        Map<String, Object> model,
        String part,
        List<String> mentions) {

    public Letter {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }

    public Letter(String template, String registrationId, String recipient, Locale locale, Map<String, Object> model) {
        this(template, registrationId, recipient, locale, model, null, List.of());
    }

    public Letter(
            String template,
            String registrationId,
            String recipient,
            Locale locale,
            Map<String, Object> model,
            String part) {
        this(template, registrationId, recipient, locale, model, part, List.of());
    }

    /** One message per event, template and part: a second delivery of the event finds it queued. */
    String messageId(String eventId) {
        return part == null ? eventId + ":" + template : eventId + ":" + template + ":" + part;
    }
}
