package se.motesdagen.notification.mail;

import java.util.regex.Pattern;

/**
 * Links in our e-mails carry single-use tokens (confirm, and later manage and survey links): a secret
 * for whoever holds the mail. The delivery log keeps the message only with the tokens taken out, once
 * it no longer needs them to send it.
 */
final class SecretLinks {

    private static final Pattern TOKEN = Pattern.compile("([?&]token=)[^&\\s\"'<>]+");
    static final String REDACTED = "[borttagen]";

    private SecretLinks() {}

    static String redact(String text) {
        return text == null ? null : TOKEN.matcher(text).replaceAll("$1" + REDACTED);
    }
}
