package se.motesdagen.devinfra;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox of the local stack survives a restart, and every mailbox opens with its address as login. */
class MailArchiveTests {

    @TempDir
    Path folder;

    @Test
    void mailReceivedBeforeARestartIsInTheInboxAfterItAndIsArchivedOnce() throws Exception {
        GreenMail first = start();
        archiving(first, MailArchive.KEEP_IN_MEMORY);
        GreenMailUtil.sendTextEmail(
                "astrid@testbageri.example",
                "motesdagen@nykoping.example",
                "Bekräfta din anmälan",
                "Hej!",
                first.getSmtp().getServerSetup());
        assertThat(emlFiles())
                .as("on disk as soon as the sender was told it was accepted")
                .isEqualTo(1);
        first.stop();

        GreenMail second = start();
        try {
            MailArchive again = archiving(second, MailArchive.KEEP_IN_MEMORY);
            assertThat(second.getReceivedMessages()).hasSize(1);
            assertThat(second.getReceivedMessages()[0].getSubject()).isEqualTo("Bekräfta din anmälan");

            again.stopSaving();
            assertThat(emlFiles()).as("restored mail is not written again").isEqualTo(1);
            assertThat(imapMessageCount(second, "astrid@testbageri.example")).isEqualTo(1);
        } finally {
            second.stop();
        }
    }

    @Test
    void aRepeatOfTheSameMessageIsKeptApartAndTwoDifferentMessagesAreBothDelivered() throws Exception {
        GreenMail first = start();
        archiving(first, MailArchive.KEEP_IN_MEMORY);
        for (String id : new String[] {"<same@motesdagen>", "<same@motesdagen>", "<other@motesdagen>"}) {
            sendWithMessageId(first, id);
        }
        assertThat(imapMessageCount(first, "bertil@testbageri.example")).isEqualTo(2);
        assertThat(imapMessageCount(first, MailArchive.REPEATS)).isEqualTo(1);
        first.stop();

        GreenMail second = start();
        try {
            archiving(second, MailArchive.KEEP_IN_MEMORY);
            assertThat(imapMessageCount(second, "bertil@testbageri.example")).isEqualTo(2);
            assertThat(imapMessageCount(second, MailArchive.REPEATS)).isEqualTo(1);
            sendWithMessageId(second, "<same@motesdagen>");
            assertThat(imapMessageCount(second, "bertil@testbageri.example"))
                    .as("a restart does not forget what the mailbox holds")
                    .isEqualTo(2);
        } finally {
            second.stop();
        }
    }

    @Test
    void onlyTheLatestMailsAreHeldInMemoryAndEveryOneStaysOnDiskAndKeepsItsRepeatsApart() throws Exception {
        GreenMail first = start();
        archiving(first, 2);
        sendWithMessageId(first, "<first@motesdagen>");
        sendWithMessageId(first, "<second@motesdagen>");
        sendWithMessageId(first, "<third@motesdagen>");

        assertThat(messageIdsInMemory(first)).containsExactly("<second@motesdagen>", "<third@motesdagen>");
        assertThat(emlFiles()).isEqualTo(3);
        first.stop();

        GreenMail second = start();
        try {
            archiving(second, 2);
            assertThat(messageIdsInMemory(second)).containsExactly("<second@motesdagen>", "<third@motesdagen>");
            assertThat(imapMessageCount(second, "bertil@testbageri.example")).isEqualTo(2);

            sendWithMessageId(second, "<first@motesdagen>");
            assertThat(imapMessageCount(second, MailArchive.REPEATS))
                    .as("a mail that left memory is still known: sent again, it is a repeat")
                    .isEqualTo(1);
            assertThat(messageIdsInMemory(second))
                    .as("the repeat counts as held; the oldest made room")
                    .containsExactly("<third@motesdagen>", "<first@motesdagen>");
            assertThat(emlFiles()).isEqualTo(4);
        } finally {
            second.stop();
        }
    }

    @Test
    void aMailboxWhoseLastMailLeftMemoryIsClosedAndOpensAgainForItsNextMail() throws Exception {
        GreenMail mail = start();
        try {
            MailArchive archive = archiving(mail, 2);
            archive.keepOpen("bounces@nykoping.example");
            mail.setUser("bounces@nykoping.example", "bounces@nykoping.example");
            send(mail, "bounces@nykoping.example", "<dsn@motesdagen>");
            for (String who : new String[] {"anna", "bo", "cecilia", "david"}) {
                send(mail, who + "@testbageri.example", "<" + who + "@motesdagen>");
            }

            assertThat(mailboxes(mail))
                    .as("mailboxes of the two mails in memory, and the one kept open")
                    .containsExactlyInAnyOrder(
                            "cecilia@testbageri.example", "david@testbageri.example", "bounces@nykoping.example");
            assertThat(imapMessageCount(mail, "bounces@nykoping.example")).isZero();

            send(mail, "anna@testbageri.example", "<anna-2@motesdagen>");
            assertThat(imapMessageCount(mail, "anna@testbageri.example")).isEqualTo(1);
            assertThat(messageIdsInMemory(mail)).containsExactly("<david@motesdagen>", "<anna-2@motesdagen>");
            assertThat(emlFiles()).isEqualTo(6);
        } finally {
            mail.stop();
        }
    }

    @Test
    void aMailWhoseMailboxWasClosedAfterItWasAskedForStillGoesIn() throws Exception {
        GreenMail mail = start();
        try {
            archiving(mail, 2);
            send(mail, "anna@testbageri.example", "<anna-1@motesdagen>");

            // GreenMail asks for the mailbox, then puts the mail in; another delivery can close the mailbox
            // in between (its last mail left memory): here that happens on purpose
            MovingMessage second = new MovingMessage();
            second.setMimeMessage(GreenMailUtil.createTextEmail(
                    "anna@testbageri.example",
                    "motesdagen@nykoping.example",
                    "Påminnelse",
                    "Hej igen!",
                    mail.getSmtp().getServerSetup()));
            GreenMailUser asked = mail.getUserManager()
                    .getMessageDeliveryHandler()
                    .handle(second, new MailAddress("anna@testbageri.example"));
            mail.getUserManager().deleteUser(mail.getUserManager().getUserByEmail("anna@testbageri.example"));
            asked.deliver(second);

            assertThat(imapMessageCount(mail, "anna@testbageri.example")).isEqualTo(1);
            assertThat(mail.getReceivedMessages())
                    .extracting(m -> m.getSubject())
                    .containsExactly("Påminnelse");
            assertThat(emlFiles()).isEqualTo(2);
        } finally {
            mail.stop();
        }
    }

    private static List<String> mailboxes(GreenMail mail) {
        return mail.getUserManager().listUser().stream()
                .map(user -> user.getEmail())
                .toList();
    }

    /** JavaMail writes a new Message-ID when it sends; this message keeps the one we give it. */
    private static void send(GreenMail mail, String to, String messageId) throws Exception {
        MimeMessage template = GreenMailUtil.createTextEmail(
                to,
                "motesdagen@nykoping.example",
                "Välkommen",
                "Hej!",
                mail.getSmtp().getServerSetup());
        GreenMailUtil.sendMimeMessage(new MimeMessage(template) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        });
    }

    private static List<String> messageIdsInMemory(GreenMail mail) throws Exception {
        List<String> ids = new ArrayList<>();
        for (var message : mail.getReceivedMessages()) {
            ids.add(message.getMessageID());
        }
        return ids;
    }

    private static void sendWithMessageId(GreenMail mail, String messageId) throws Exception {
        send(mail, "bertil@testbageri.example", messageId);
    }

    /** An archive for the mail server as the local stack has one: what is on disk restored, each new mail saved. */
    private MailArchive archiving(GreenMail mail, int keep) throws Exception {
        MailArchive archive = new MailArchive(mail, folder, keep);
        archive.restore();
        archive.startSaving();
        return archive;
    }

    private GreenMail start() {
        GreenMail mail = new LocalMail(ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort());
        mail.start();
        return mail;
    }

    private long emlFiles() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".eml")).count();
        }
    }

    private static int imapMessageCount(GreenMail mail, String address) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", mail.getImap().getPort(), address, address);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            return inbox.getMessageCount();
        } finally {
            store.close();
        }
    }
}
