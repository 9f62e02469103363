package se.motesdagen.devinfra;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Flags;
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
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * GreenMail keeps mail in memory; this writes each delivery as an .eml file under the data folder
 * before the SMTP server answers "250 OK", and delivers them again at start. So the inbox survives a
 * restart, and a mail the sender was told was accepted survives even SIGKILL of this process.
 *
 * <p>Like Gmail and Exchange, a mailbox keeps one copy of a message: a second delivery with a
 * {@code Message-ID} the recipient already has (a sender that resent after a crash) is not put in the
 * recipient's inbox but in {@value #REPEATS} with an {@code X-Motesdagen-Repeat-Of} header, so a
 * developer and the fault drill can still count every repeat. Two different messages are never merged.
 *
 * <p>GreenMail holds only the latest {@code keep} mails in memory (for IMAP and the inbox page); every
 * mail stays on disk. Holding them all, a long benchmark (some 15,000 mails of about 20 KB) filled the
 * process's heap and left it collecting garbage instead of answering the store and SMTP. A mailbox
 * whose last mail left memory is closed as well (GreenMail opens it again, login = password = address,
 * when the next mail for it arrives): GreenMail finds a mailbox by walking a list of every mailbox, and
 * with one for each of some 40,000 benchmark addresses that walk was half of this process's CPU.
 */
final class MailArchive {

    private final GreenMail mail;
    private final Path folder;
    static final String REPEATS = "upprepningar@inkorg.local";
    private static final String REPEAT_OF = "X-Motesdagen-Repeat-Of";

    static final int KEEP_IN_MEMORY = 1_000;

    private final AtomicLong sequence = new AtomicLong();
    private final Set<String> stored = ConcurrentHashMap.newKeySet();
    private final int keep;
    /** The mailbox of every mail held in memory, oldest first. */
    private final Deque<String> inMemory = new ArrayDeque<>();
    /** Mailboxes that stay open when they hold nothing, for a reader that logs in to them. */
    private final Set<String> keptOpen = ConcurrentHashMap.newKeySet();

    MailArchive(GreenMail mail, Path folder) {
        this(mail, folder, KEEP_IN_MEMORY);
    }

    MailArchive(GreenMail mail, Path folder, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least one mail in memory, not " + keep);
        }
        this.mail = mail;
        this.folder = folder;
        this.keep = keep;
    }

    void restore() throws Exception {
        Files.createDirectories(folder);
        Session session = Session.getInstance(new Properties());
        List<Path> archived;
        try (Stream<Path> files = Files.list(folder)) {
            archived = files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
        }
        int firstInMemory = Math.max(0, archived.size() - keep);
        for (int i = 0; i < archived.size(); i++) {
            try (InputStream in = Files.newInputStream(archived.get(i))) {
                MimeMessage message = new MimeMessage(session, in);
                String recipient = message.getHeader(DELIVERED_TO, null);
                for (String address : recipient != null ? List.of(recipient) : recipients(message)) {
                    stored.add(key(message, address)); // an older mail still keeps its repeats apart
                    if (i >= firstInMemory) {
                        userFor(address).deliver(message);
                        heldInMemory(address);
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
            String recipient = address.getEmail();
            if (message.getMessage().getMessageID() != null && !stored.add(key(message.getMessage(), recipient))) {
                MimeMessage repeat = new MimeMessage(message.getMessage());
                repeat.setHeader(REPEAT_OF, recipient);
                save(repeat, REPEATS);
                return new HeldDelivery(userFor(REPEATS));
            }
            save(message.getMessage(), recipient);
            return new HeldDelivery(deliver.handle(message, address));
        });
    }

    /** The mailbox stays open while it is empty: someone reads it by logging in, as the bounce reader does. */
    void keepOpen(String address) {
        keptOpen.add(address.toLowerCase(Locale.ROOT));
    }

    /**
     * A mail for the mailbox was put in memory: when that makes more than {@code keep}, the oldest one
     * held leaves memory (its file stays), and its mailbox is closed if that was its last.
     */
    private synchronized void heldInMemory(String mailbox) {
        inMemory.addLast(mailbox);
        while (inMemory.size() > keep) {
            GreenMailUser owner = mail.getUserManager().getUserByEmail(inMemory.removeFirst());
            if (owner == null) {
                continue;
            }
            try {
                MailFolder inbox = mail.getManagers().getImapHostManager().getInbox(owner);
                long[] uids = inbox.getMessageUids();
                if (uids.length > 0) {
                    long oldest = Arrays.stream(uids).min().getAsLong();
                    inbox.setFlags(new Flags(Flags.Flag.DELETED), true, oldest, null, false);
                    inbox.expunge();
                }
                if (inbox.getMessageCount() == 0
                        && !keptOpen.contains(owner.getEmail().toLowerCase(Locale.ROOT))) {
                    mail.getUserManager().deleteUser(owner);
                }
            } catch (FolderException e) {
                // the mail is on disk and was delivered; it only stays in memory longer
                System.err.println("Could not take an old mail out of memory: " + e.getMessage());
            }
        }
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

    private static String key(MimeMessage message, String recipient) throws MessagingException {
        return message.getMessageID() + "|" + recipient.toLowerCase(Locale.ROOT);
    }

    private GreenMailUser userFor(String address) throws UserException {
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

    /**
     * The mailbox GreenMail delivers a mail into once the archive has saved it. GreenMail puts the mail in
     * after asking for the mailbox; this does it under the archive's lock, opening the mailbox again if it
     * was closed in between, so a mail never goes into a mailbox that is being closed.
     */
    private final class HeldDelivery implements GreenMailUser {

        private final GreenMailUser user;

        HeldDelivery(GreenMailUser user) {
            this.user = user;
        }

        @Override
        public void deliver(MovingMessage message) {
            putIn(mailbox -> mailbox.deliver(message));
        }

        @Override
        public void deliver(MimeMessage message) {
            putIn(mailbox -> mailbox.deliver(message));
        }

        private void putIn(Consumer<GreenMailUser> delivery) {
            synchronized (MailArchive.this) {
                try {
                    delivery.accept(userFor(user.getEmail()));
                } catch (UserException e) {
                    throw new IllegalStateException("Could not open the mailbox of " + user.getEmail(), e);
                }
                heldInMemory(user.getEmail());
            }
        }

        @Override
        public String getEmail() {
            return user.getEmail();
        }

        @Override
        public String getLogin() {
            return user.getLogin();
        }

        @Override
        public void create() {
            user.create();
        }

        @Override
        public void delete() {
            user.delete();
        }

        @Override
        public String getPassword() {
            return user.getPassword();
        }

        @Override
        public void setPassword(String password) {
            user.setPassword(password);
        }

        @Override
        public void authenticate(String password) throws UserException {
            user.authenticate(password);
        }

        @Override
        public String getQualifiedMailboxName() {
            return user.getQualifiedMailboxName();
        }
    }
}
