package se.motesdagen.devinfra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
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
        server.createContext("/drill/smtp", new SmtpSwitch(mail)::handle);
    }

    void start() {
        server.start();
    }

    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().startsWith(path + "/fil/")) {
            serveFile(exchange);
            return;
        }
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
        List<MimeMessage> received = Arrays.asList(mail.getReceivedMessages());
        List<MimeMessage> messages = new ArrayList<>(received);
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
                    .append(linkify(escape(bodyOf(message))))
                    .append("</pre>");
            List<Part> files = files(message);
            if (!files.isEmpty()) {
                html.append("<p>Bifogat:</p><ul>");
                int index = received.indexOf(message);
                for (int i = 0; i < files.size(); i++) {
                    html.append("<li><a href=\"")
                            .append(path)
                            .append("/fil/")
                            .append(index)
                            .append('/')
                            .append(i)
                            .append("\">")
                            .append(escape(files.get(i).getFileName()))
                            .append("</a></li>");
                }
                html.append("</ul>");
            }
            html.append("</article>");
        }
        if (shown == 0) {
            html.append("<p>Inga meddelanden.</p>");
        }
        return html.append("</main></body></html>").toString();
    }

    /** The plain-text part, as a person reading plain text sees the mail. */
    private static String bodyOf(MimeMessage message) throws Exception {
        for (Part part : leaves(message)) {
            if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part.getContent().toString();
            }
        }
        return GreenMailUtil.getBody(message);
    }

    private static List<Part> files(MimeMessage message) throws Exception {
        List<Part> files = new ArrayList<>();
        for (Part part : leaves(message)) {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                files.add(part);
            }
        }
        return files;
    }

    private static List<Part> leaves(Part part) throws Exception {
        List<Part> leaves = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                leaves.addAll(leaves(multipart.getBodyPart(i)));
            }
        } else {
            leaves.add(part);
        }
        return leaves;
    }

    /** A file of a mail, so a developer can import the calendar file into a calendar program. */
    private void serveFile(HttpExchange exchange) throws IOException {
        try {
            String[] ids = exchange.getRequestURI()
                    .getPath()
                    .substring((path + "/fil/").length())
                    .split("/");
            MimeMessage message = mail.getReceivedMessages()[Integer.parseInt(ids[0])];
            Part file = files(message).get(Integer.parseInt(ids[1]));
            byte[] content;
            try (var in = file.getInputStream()) {
                content = in.readAllBytes();
            }
            exchange.getResponseHeaders()
                    .set("Content-Type", file.getContentType().replaceAll("[\\r\\n]+\\s*", " "));
            exchange.getResponseHeaders()
                    .set(
                            "Content-Disposition",
                            "attachment; filename=\"" + file.getFileName().replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
            exchange.sendResponseHeaders(200, content.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(content);
            }
        } catch (Exception notThere) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        }
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
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
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
