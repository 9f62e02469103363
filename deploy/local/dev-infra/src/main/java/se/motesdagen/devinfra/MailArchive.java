package se.motesdagen.devinfra;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * GreenMail keeps mail in memory; this keeps a copy of each message as an .eml file under the data
 * folder and delivers them again at start, so the inbox survives a restart like everything else.
 */
final class MailArchive {

    private final GreenMail mail;
    private final Path folder;
    private final Set<String> saved = new HashSet<>();
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mail-archive");
        t.setDaemon(true);
        return t;
    });

    MailArchive(GreenMail mail, Path folder) {
        this.mail = mail;
        this.folder = folder;
    }

    void restore() throws Exception {
        Files.createDirectories(folder);
        Session session = Session.getInstance(new Properties());
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    MimeMessage message = new MimeMessage(session, in);
                    for (Address to : message.getRecipients(Message.RecipientType.TO)) {
                        String address = ((InternetAddress) to).getAddress();
                        GreenMailUser user = mail.getUserManager().getUserByEmail(address);
                        if (user == null) {
                            user = mail.setUser(address, address, address);
                        }
                        user.deliver(message);
                    }
                    saved.add(identity(message));
                }
            }
        }
    }

    void startSaving() {
        saver.scheduleWithFixedDelay(this::saveNewQuietly, 1, 1, TimeUnit.SECONDS);
    }

    void stopSaving() {
        saveNewQuietly();
        saver.shutdown();
    }

    private void saveNewQuietly() {
        try {
            saveNew();
        } catch (Exception e) {
            System.err.println("Could not archive mail: " + e);
        }
    }

    private synchronized void saveNew() throws Exception {
        for (MimeMessage message : mail.getReceivedMessages()) {
            String identity = identity(message);
            if (saved.contains(identity)) {
                continue;
            }
            long received = message.getReceivedDate() != null
                    ? message.getReceivedDate().getTime()
                    : System.currentTimeMillis();
            String name =
                    String.format("%013d-%s.eml", received, sha256(identity).substring(0, 24));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            Files.write(folder.resolve(name), bytes.toByteArray());
            saved.add(identity);
        }
    }

    /** Message-ID plus recipients: one message to two people is delivered, and kept, twice. */
    private static String identity(MimeMessage message) throws Exception {
        StringBuilder id = new StringBuilder(String.valueOf(message.getMessageID()));
        Address[] to = message.getRecipients(Message.RecipientType.TO);
        if (to != null) {
            for (Address a : to) {
                id.append('|').append(a);
            }
        }
        if (message.getMessageID() == null) {
            id.append('|').append(message.getSubject()).append('|').append(message.getSentDate());
        }
        return id.toString();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
