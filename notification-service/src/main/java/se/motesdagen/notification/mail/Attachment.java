package se.motesdagen.notification.mail;

/**
 * A text file sent with a message, kept with it in the delivery log: a calendar file today.
 *
 * @param filename what the recipient sees, e.g. {@code anmalan.ics}
 * @param contentType the full MIME type with its parameters, e.g. {@code text/calendar; method=REQUEST}
 * @param text the content; links in it are redacted like the body's once they are no longer needed
 */
public record Attachment(String filename, String contentType, String text) {

    Attachment redacted() {
        return new Attachment(filename, contentType, SecretLinks.redact(text));
    }
}
