package se.motesdagen.devinfra;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * GreenMail keeps mail in memory; this writes each delivery as an .eml file under the data folder
 * before the SMTP server answers "250 OK", and delivers them again at start. So the inbox survives a
 * restart, and a mail the sender was told was accepted survives even SIGKILL of this process. Every
 * delivery is its own file: a message sent twice is archived, and restored, twice, so a duplicate is
 * never hidden by a restart.
 */
final class MailArchive {

    private final GreenMail mail;
    private final Path folder;
    private final AtomicLong sequence = new AtomicLong();

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
                    String recipient = message.getHeader(DELIVERED_TO, null);
                    for (String address : recipient != null ? List.of(recipient) : recipients(message)) {
                        userFor(address).deliver(message);
                    }
                }
            }
        }
    }

    /** From now on, every delivery is on disk before the sender hears that it was accepted. */
    void startSaving() {
        UserManager users = mail.getUserManager();
        MessageDeliveryHandler deliver = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, address) -> {
            save(message.getMessage(), address.getEmail());
            return deliver.handle(message, address);
        });
    }

    void stopSaving() {
        // nothing is buffered: every delivery was written when it happened
    }

    private void save(MimeMessage message, String recipient) throws MessagingException {
        try {
            MimeMessage copy = new MimeMessage(message);
            copy.setHeader(DELIVERED_TO, recipient);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            copy.writeTo(bytes);
            String name = String.format(
                    "%013d-%06d-%s.eml",
                    System.currentTimeMillis(),
                    sequence.incrementAndGet() % 1_000_000,
                    UUID.randomUUID().toString().substring(0, 8));
            Path temporary = folder.resolve(name + ".tmp");
            Files.write(temporary, bytes.toByteArray());
            Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MessagingException("Could not archive the mail for " + recipient, e);
        }
    }

    private GreenMailUser userFor(String address) throws Exception {
        GreenMailUser user = mail.getUserManager().getUserByEmail(address);
        return user != null ? user : mail.setUser(address, address, address);
    }

    private static List<String> recipients(MimeMessage message) throws MessagingException {
        Address[] to = message.getRecipients(Message.RecipientType.TO);
        return to == null
                ? List.of()
                : Arrays.stream(to).map(a -> ((InternetAddress) a).getAddress()).toList();
    }

    private static final String DELIVERED_TO = "X-Motesdagen-Delivered-To";
}
