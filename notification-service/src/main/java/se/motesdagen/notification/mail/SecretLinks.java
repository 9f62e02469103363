package se.motesdagen.notification.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.motesdagen.platform.security.LinkSeal;

/**
 * Links in our e-mails carry single-use tokens (confirm, manage, survey, ballot links): a secret for
 * whoever holds the mail. While a message waits to be sent its tokens are stored sealed (under the
 * link seal, bound to the recipient), opened only into the mail as it goes out; once sent, the delivery
 * log keeps it with the tokens taken out. So no raw token is ever written to the store.
 */
final class SecretLinks {

    private static final Pattern TOKEN = Pattern.compile("([?&]token=)([^&\\s\"'<>]+)");
    static final String REDACTED = "[borttagen]";

    private SecretLinks() {}

    static String redact(String text) {
        return text == null ? null : TOKEN.matcher(text).replaceAll("$1" + REDACTED);
    }

    /** Every token in the text sealed for the recipient, as it is stored while the message waits. */
    static String seal(String text, LinkSeal seal, String recipient) {
        return text == null
                ? null
                : TOKEN.matcher(text)
                        .replaceAll(token -> Matcher.quoteReplacement(token.group(1)
                                + (isSealed(token.group(2)) ? token.group(2) : seal.seal(token.group(2), recipient))));
    }

    /** The text with its sealed tokens opened, as it goes into the mail; a redacted or plain token stays. */
    static String open(String text, LinkSeal seal, String recipient) {
        return text == null
                ? null
                : TOKEN.matcher(text)
                        .replaceAll(token -> Matcher.quoteReplacement(token.group(1)
                                + (isSealed(token.group(2)) ? seal.open(token.group(2), recipient) : token.group(2))));
    }

    private static boolean isSealed(String token) {
        return token.startsWith("seal1.");
    }
}
