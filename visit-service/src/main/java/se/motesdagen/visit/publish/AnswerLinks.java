package se.motesdagen.visit.publish;

import se.motesdagen.platform.security.LinkSecret;

/**
 * The secret in the company's two links (confirm, ask for another time), sent once in the event that
 * asks for the mail and kept here only as its hash ({@link LinkSecret}).
 */
final class AnswerLinks {

    private AnswerLinks() {}

    static String newToken() {
        return LinkSecret.issue();
    }

    static String hash(String token) {
        return LinkSecret.hash(token);
    }
}
