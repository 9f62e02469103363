package se.motesdagen.notification.mail;

import java.util.function.UnaryOperator;
import se.motesdagen.platform.security.LinkSeal;

/**
 * Links in our e-mails carry single-use tokens (confirm, manage, survey, ballot links): a secret for
 * whoever holds the mail. While a message waits to be sent its tokens are stored sealed (under the
 * link seal, bound to the recipient), opened only into the mail as it goes out; once sent, the delivery
 * log keeps it with the tokens taken out. So no raw token is ever written to the store.
 */
final class SecretLinks {

    private static final String TOKEN = "token=";
    static final String REDACTED = "[borttagen]";

    private SecretLinks() {}

    static String redact(String text) {
        return text == null ? null : eachToken(text, token -> REDACTED);
    }

    /** Every token in the text sealed for the recipient, as it is stored while the message waits. */
    static String seal(String text, LinkSeal seal, String recipient) {
        return text == null ? null : eachToken(text, token -> isSealed(token) ? token : seal.seal(token, recipient));
    }

    /** The text with its sealed tokens opened, as it goes into the mail; a redacted or plain token stays. */
    static String open(String text, LinkSeal seal, String recipient) {
        return text == null ? null : eachToken(text, token -> isSealed(token) ? seal.open(token, recipient) : token);
    }

    /**
     * The text with the value of each {@code ?token=} or {@code &token=} parameter replaced: the value
     * runs to the next {@code &}, white space, quote or angle bracket, and an empty one is left alone.
     * (What the pattern {@code [?&]token=([^&\s"'<>]+)} finds, by a scan for "token=": a mail's HTML is
     * long and has few links, and the pattern tried a match at every character, 5 % of the service's CPU.)
     */
    static String eachToken(String text, UnaryOperator<String> replace) {
        int at = text.indexOf(TOKEN);
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        int copied = 0;
        while (at >= 0) {
            int value = at + TOKEN.length();
            int end = value;
            if (at > 0 && (text.charAt(at - 1) == '?' || text.charAt(at - 1) == '&')) {
                while (end < text.length() && !endsValue(text.charAt(end))) {
                    end++;
                }
            }
            if (end > value) {
                out.append(text, copied, value).append(replace.apply(text.substring(value, end)));
                copied = end;
            }
            at = text.indexOf(TOKEN, end);
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static boolean endsValue(char c) {
        return switch (c) {
            case '&', '"', '\'', '<', '>', ' ', '\t', '\n', '\u000B', '\f', '\r' -> true;
            default -> false;
        };
    }

    private static boolean isSealed(String token) {
        return token.startsWith("seal1.");
    }
}
