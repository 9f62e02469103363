package se.motesdagen.notification.mail;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * A file sent with a message and kept with it in the delivery log: a calendar file (text), or an image
 * shown inside the mail (bytes, with the content id the HTML refers to as {@code cid:…}).
 *
 * @param filename what the recipient sees, e.g. {@code kalender.ics}
 * @param contentType the full MIME type with its parameters, e.g. {@code text/calendar; method=REQUEST}
 * @param text the content of a text file; links in it are redacted like the body's once no longer needed
 * @param data the content of a binary file, or null for a text file
 * @param contentId for an image shown inside the mail, its content id; null for a file to open
 */
public record Attachment(String filename, String contentType, String text, byte[] data, String contentId) {

    public static Attachment file(String filename, String contentType, String text) {
        return new Attachment(filename, contentType, text, null, null);
    }

    public static Attachment inlineImage(String contentId, String filename, String contentType, byte[] data) {
        return new Attachment(filename, contentType, null, data, contentId);
    }

    public byte[] bytes() {
        return data != null ? data : text.getBytes(StandardCharsets.UTF_8);
    }

    public boolean inline() {
        return contentId != null;
    }

    /** The file with the tokens of its text sealed for the recipient, or opened again; see SecretLinks. */
    Attachment withText(UnaryOperator<String> change) {
        return text == null ? this : new Attachment(filename, contentType, change.apply(text), data, contentId);
    }

    Attachment redacted() {
        return text == null ? this : new Attachment(filename, contentType, SecretLinks.redact(text), data, contentId);
    }
}
