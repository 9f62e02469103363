package se.motesdagen.devinfra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A page where a person reads what the local stack sent: newest first, links clickable, no JavaScript. */
final class InboxPage {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

    private final GreenMail mail;
    private final HttpServer server;
    private final String path;

    InboxPage(GreenMail mail, int port, String path) throws IOException {
        this.mail = mail;
        this.path = path;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext(path, this::handle);
    }

    void start() {
        server.start();
    }

    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        int status = 200;
        try {
            String filter = query(exchange, "till");
            body = render(filter).getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            status = 500;
            body = ("Inkorgen kunde inte visas: " + escape(e.toString())).getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private String render(String filter) throws Exception {
        List<MimeMessage> messages = new ArrayList<>(Arrays.asList(mail.getReceivedMessages()));
        Collections.reverse(messages);
        SimpleDateFormat time = new SimpleDateFormat("yyyy-MM-dd HH.mm.ss");
        time.setTimeZone(TimeZone.getTimeZone("Europe/Stockholm"));
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Inkorg – Mötesdagen lokalt</title>
                <style>body{font:1rem/1.5 system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem;color:#1b1b1b}
                article{border:1px solid #bbb;padding:.5rem 1rem;margin:1rem 0}pre{white-space:pre-wrap}
                a{color:#00558c}a:focus{outline:3px solid #ffbf47}</style></head><body><main>
                <h1>Inkorg</h1>
                <p>Allt som Mötesdagen har skickat i den lokala miljön, nyast först. Ingen e-post lämnar datorn.
                Brevlådorna nås också med IMAP på port 3143, med e-postadressen som användarnamn och lösenord.</p>
                <form method="get"><label for="till">Visa bara e-post till</label>
                <input id="till" name="till" type="email" value="%s"> <button type="submit">Filtrera</button></form>
                """.formatted(filter == null ? "" : escape(filter)));
        int shown = 0;
        for (MimeMessage message : messages) {
            String to = String.join(
                    ", ",
                    Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                            .map(Object::toString)
                            .toList());
            if (filter != null && !filter.isBlank() && !to.toLowerCase().contains(filter.toLowerCase())) {
                continue;
            }
            shown++;
            html.append("<article><h2>")
                    .append(escape(message.getSubject()))
                    .append("</h2><p>Till: ")
                    .append(escape(to))
                    .append("<br>Från: ")
                    .append(escape(String.valueOf(message.getFrom()[0])))
                    .append("<br>Mottaget: ")
                    .append(message.getReceivedDate() == null ? "" : time.format(message.getReceivedDate()))
                    .append("</p><pre>")
                    .append(linkify(escape(GreenMailUtil.getBody(message).isEmpty() ? "" : bodyOf(message))))
                    .append("</pre></article>");
        }
        if (shown == 0) {
            html.append("<p>Inga meddelanden.</p>");
        }
        return html.append("</main></body></html>").toString();
    }

    private static String bodyOf(MimeMessage message) throws Exception {
        Object content = message.getContent();
        return content instanceof String text ? text : GreenMailUtil.getBody(message);
    }

    private static String linkify(String escaped) {
        Matcher m = URL.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("<a href=\"" + m.group() + "\">" + m.group() + "</a>"));
        }
        return m.appendTail(out).toString();
    }

    private static String query(HttpExchange exchange, String name) {
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name) && kv.length == 2) {
                return java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
