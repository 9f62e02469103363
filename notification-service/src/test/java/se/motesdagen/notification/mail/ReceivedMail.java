package se.motesdagen.notification.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A received mail taken apart as a mail program would: its text part, its HTML part and its files. */
public record ReceivedMail(String text, String html, List<File> files, List<File> inline) {

    /** A file in the mail, with its MIME type as sent. */
    public record File(String filename, String contentType, String contentId, byte[] content) {

        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    public static ReceivedMail of(MimeMessage mime) {
        try {
            Parts parts = new Parts();
            parts.walk(mime);
            return new ReceivedMail(parts.text, parts.html, parts.files, parts.inline);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the mail", e);
        }
    }

    private static final class Parts {
        String text;
        String html;
        final List<File> files = new ArrayList<>();
        final List<File> inline = new ArrayList<>();

        void walk(Part part) throws Exception {
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    walk(multipart.getBodyPart(i));
                }
            } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                files.add(file(part));
            } else if (part instanceof BodyPart && part.getHeader("Content-ID") != null) {
                inline.add(file(part));
            } else if (part.isMimeType("text/plain") && text == null) {
                text = part.getContent().toString().replace("\r\n", "\n");
            } else if (part.isMimeType("text/html") && html == null) {
                html = part.getContent().toString().replace("\r\n", "\n");
            }
        }

        private static File file(Part part) throws Exception {
            try (InputStream in = part.getInputStream()) {
                String[] id = part.getHeader("Content-ID");
                String contentId = id == null ? null : id[0].replaceAll("[<>]", "");
                return new File(part.getFileName(), part.getContentType(), contentId, in.readAllBytes());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
