package se.motesdagen.devinfra;

import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Takes the SMTP server away and brings it back, for the drill "the mail server is down for a minute":
 * the rest of dev-infra (the store, IMAP, the inbox) stays up, and the mail that arrives afterwards lands
 * in the same mailboxes. Reached only on dev-infra's own port ({@code POST /drill/smtp?state=off|on}),
 * never through the gateway.
 */
final class SmtpSwitch {

    private final GreenMail mail;
    private SmtpServer current;

    SmtpSwitch(GreenMail mail) {
        this.mail = mail;
        this.current = mail.getSmtp();
    }

    synchronized void off() {
        if (current != null) {
            current.stopService(5000);
            current = null;
        }
    }

    synchronized void on() throws InterruptedException {
        if (current == null) {
            SmtpServer again = new LocalMail.PromptSmtpServer(mail.getSmtp().getServerSetup(), mail.getManagers());
            again.startService();
            again.waitTillRunning(5000);
            current = again;
        }
    }

    synchronized boolean isOn() {
        return current != null;
    }

    void handle(HttpExchange exchange) throws IOException {
        int status = 200;
        String answer;
        try {
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            if (!"POST".equals(exchange.getRequestMethod())) {
                status = 405;
                answer = "POST /drill/smtp?state=off or state=on";
            } else if (query.contains("state=off")) {
                off();
                answer = "SMTP off";
            } else if (query.contains("state=on")) {
                on();
                answer = "SMTP on";
            } else {
                status = 400;
                answer = "state=off or state=on";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 500;
            answer = "interrupted";
        }
        byte[] body = (answer + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
