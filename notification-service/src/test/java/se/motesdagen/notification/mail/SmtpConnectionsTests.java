package se.motesdagen.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Connections to a mail server that counts them, kept open from one mail to the next. */
class SmtpConnectionsTests {

    private static final String REFUSED = "finns.inte@testbageri.example";

    private FakeSmtpServer server;
    private SmtpConnections smtp;

    @BeforeEach
    void start() throws Exception {
        server = new FakeSmtpServer(REFUSED);
        smtp = new SmtpConnections(sender(server.port()));
    }

    @AfterEach
    void stop() throws Exception {
        smtp.close();
        server.close();
    }

    @Test
    void mailsOneAfterAnotherGoOverOneConnection() throws Exception {
        for (int i = 0; i < 5; i++) {
            smtp.send(mail("astrid" + i + "@testbageri.example"));
        }

        assertThat(server.taken).hasSize(5);
        assertThat(server.connections).hasValue(1);
    }

    @Test
    void aConnectionCarriesAtMostItsShareOfMails() throws Exception {
        for (int i = 0; i <= SmtpConnections.MESSAGES_PER_CONNECTION; i++) {
            smtp.send(mail("astrid@testbageri.example"));
        }

        assertThat(server.taken).hasSize(SmtpConnections.MESSAGES_PER_CONNECTION + 1);
        assertThat(server.connections).hasValue(2);
    }

    @Test
    void aConnectionTheServerClosedMeanwhileIsReplacedAndTheMailStillGoes() throws Exception {
        server.hangUpAfterEachMail();

        for (int i = 0; i < 3; i++) {
            smtp.send(mail("astrid" + i + "@testbageri.example"));
        }

        assertThat(server.taken)
                .containsExactly(
                        "astrid0@testbageri.example", "astrid1@testbageri.example", "astrid2@testbageri.example");
        assertThat(server.connections).hasValue(3);
    }

    @Test
    void aRecipientRefusedForGoodIsThrownAsSpringsSenderThrowsItAndTheNextMailGetsANewConnection() throws Exception {
        smtp.send(mail("astrid@testbageri.example"));

        assertThatThrownBy(() -> smtp.send(mail(REFUSED)))
                .isInstanceOf(MailSendException.class)
                .satisfies(refused -> {
                    assertThat(MailDispatcher.isPermanent(refused)).isTrue();
                    assertThat(MailDispatcher.reasonOf((Exception) refused))
                            .contains("550 5.1.1")
                            .doesNotContain("finns.inte");
                });
        assertThat(server.refusedRecipients).containsExactly(REFUSED);
        smtp.send(mail("per@testbageri.example"));

        assertThat(server.taken).containsExactly("astrid@testbageri.example", "per@testbageri.example");
        assertThat(server.connections)
                .as("the connection a refusal came on is not used again")
                .hasValue(2);
    }

    @Test
    void noServerIsPassingTroubleAndSendsNothing() throws Exception {
        int nobody;
        try (ServerSocket free = new ServerSocket(0)) {
            nobody = free.getLocalPort();
        }
        SmtpConnections toNobody = new SmtpConnections(sender(nobody));

        assertThatThrownBy(() -> toNobody.send(mail("astrid@testbageri.example")))
                .isInstanceOf(MailSendException.class)
                .hasMessageContaining("connection failed")
                .satisfies(failure ->
                        assertThat(MailDispatcher.isPermanent(failure)).isFalse());
    }

    @Test
    void sendersAtTheSameTimeEachHaveTheirOwnConnectionAndKeepIt() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sending = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                String to = "astrid" + i + "@testbageri.example";
                sending.add(senders.submit(() -> {
                    smtp.send(mail(to));
                    return null;
                }));
            }
            for (Future<?> one : sending) {
                one.get();
            }
        } finally {
            senders.shutdown();
        }

        assertThat(server.taken).hasSize(80).doesNotHaveDuplicates();
        assertThat(server.connections.get()).isBetween(1, 4);
    }

    private MimeMessage mail(String to) {
        try {
            MimeMessage mail = new MimeMessage(smtp.session());
            mail.setFrom(new InternetAddress("motesdagen@nykoping.example"));
            mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
            mail.setSubject("Bekräfta din anmälan", "UTF-8");
            mail.setText("Hej!", "UTF-8");
            return mail;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JavaMailSenderImpl sender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
        return sender;
    }
}
