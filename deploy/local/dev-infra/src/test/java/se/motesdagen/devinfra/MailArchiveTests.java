package se.motesdagen.devinfra;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.file.Files;
import java.nio.file.Path;
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
        MailArchive archive = new MailArchive(first, folder);
        archive.restore();
        archive.startSaving();
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
            MailArchive again = new MailArchive(second, folder);
            again.restore();
            again.startSaving();
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
        MailArchive archive = new MailArchive(first, folder);
        archive.restore();
        archive.startSaving();
        for (String id : new String[] {"<same@motesdagen>", "<same@motesdagen>", "<other@motesdagen>"}) {
            sendWithMessageId(first, id);
        }
        assertThat(imapMessageCount(first, "bertil@testbageri.example")).isEqualTo(2);
        assertThat(imapMessageCount(first, MailArchive.REPEATS)).isEqualTo(1);
        first.stop();

        GreenMail second = start();
        try {
            MailArchive again = new MailArchive(second, folder);
            again.restore();
            again.startSaving();
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
        MailArchive archive = new MailArchive(first, folder, 2);
        archive.restore();
        archive.startSaving();
        sendWithMessageId(first, "<first@motesdagen>");
        sendWithMessageId(first, "<second@motesdagen>");
        sendWithMessageId(first, "<third@motesdagen>");

        assertThat(messageIdsInMemory(first)).containsExactly("<second@motesdagen>", "<third@motesdagen>");
        assertThat(emlFiles()).isEqualTo(3);
        first.stop();

        GreenMail second = start();
        try {
            MailArchive again = new MailArchive(second, folder, 2);
            again.restore();
            again.startSaving();
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

    private static java.util.List<String> messageIdsInMemory(GreenMail mail) throws Exception {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (var message : mail.getReceivedMessages()) {
            ids.add(message.getMessageID());
        }
        return ids;
    }

    /** JavaMail writes a new Message-ID when it sends; this message keeps the one we give it. */
    private static void sendWithMessageId(GreenMail mail, String messageId) throws Exception {
        jakarta.mail.internet.MimeMessage template = GreenMailUtil.createTextEmail(
                "bertil@testbageri.example",
                "motesdagen@nykoping.example",
                "Välkommen",
                "Hej!",
                mail.getSmtp().getServerSetup());
        GreenMailUtil.sendMimeMessage(new jakarta.mail.internet.MimeMessage(template) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        });
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
