package se.motesdagen.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import se.motesdagen.platform.security.LinkSeal;
import se.motesdagen.platform.test.ContractSchemas;
import se.motesdagen.platform.test.MutableClock;
import se.motesdagen.platform.test.TestOutbox;

/** The dispatcher against the real store and a real SMTP server that comes and goes. */
class MailDispatcherTests {

    private static final Instant NOW = Instant.parse("2027-06-01T10:00:00Z");

    private static MongoServer server;
    private static MongoClient client;
    private MongoTemplate mongo;
    private GreenMail smtp;
    private int smtpPort;
    private MutableClock clock;

    @BeforeAll
    static void startStore() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @AfterAll
    static void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void setUp() throws Exception {
        mongo = new MongoTemplate(client, "dispatcher-tests");
        mongo.dropCollection(OutgoingMessage.class);
        clock = new MutableClock(NOW);
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
    }

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void whileTheMailServerIsDownTheMessageWaitsWithBackOffAndGoesOutWhenItIsBack() throws Exception {
        mongo.insert(message("e1"));
        MailDispatcher dispatcher = dispatcher(8);

        dispatcher.sendDue(); // nothing listens on the port yet

        OutgoingMessage waiting = mongo.findById("e1:confirm-request", OutgoingMessage.class);
        assertThat(waiting.getStatus()).isEqualTo(OutgoingMessage.Status.PENDING);
        assertThat(waiting.getAttempts()).isEqualTo(1);
        assertThat(waiting.getLastError()).isNotBlank();

        startSmtp();
        dispatcher.sendDue();
        assertThat(smtp.getReceivedMessages())
                .as("not due before the back-off has passed")
                .isEmpty();

        clock.advance(Duration.ofSeconds(31));
        dispatcher.sendDue();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Bekräfta din anmälan");
        OutgoingMessage sent = mongo.findById("e1:confirm-request", OutgoingMessage.class);
        assertThat(sent.getStatus()).isEqualTo(OutgoingMessage.Status.SENT);
        assertThat(sent.getSentAt()).isEqualTo(clock.instant());
        assertThat(sent.getLastError()).isNull();
    }

    @Test
    void aTokenWaitsSealedInTheStoreAndGoesOutOpenedInTheMailThenIsTakenOut() throws Exception {
        String token = "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c";
        String link = "http://localhost:8080/anmalan/bekrafta?token=" + token;
        OutgoingMessage waiting = new OutgoingMessage(
                "s1:confirm-request",
                "s1",
                "confirm-request",
                "r-s1",
                "astrid@testbageri.example",
                "Bekräfta din anmälan",
                "Bekräfta: " + link + "\n",
                "<p><a href=\"" + link + "\">Bekräfta</a></p>",
                List.of(Attachment.file("kalender.ics", "text/calendar", "URL:" + link)),
                NOW);
        waiting.sealLinks(SEAL);
        mongo.insert(waiting);
        assertThat(mongo.findById("s1:confirm-request", Document.class, "messages")
                        .toJson())
                .doesNotContain(token)
                .contains("bekrafta?token=seal1.");
        startSmtp();

        dispatcher(8).sendDue();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[0])).contains(token);
        assertThat(mongo.findById("s1:confirm-request", Document.class, "messages")
                        .toJson())
                .doesNotContain(token)
                .doesNotContain("seal1.")
                .contains("bekrafta?token=[borttagen]");
    }

    @Test
    void whenTheMailServerIsBackTheFirstSuccessReleasesEveryMessageStillWaitingOutItsBackOff() throws Exception {
        MailDispatcher dispatcher = dispatcher(8);
        mongo.insert(message("w1"));
        dispatcher.sendDue(); // down: w1 waits until +30 s
        clock.advance(Duration.ofSeconds(20));
        mongo.insert(message("w2"));
        dispatcher.sendDue(); // still down: w2 waits until +50 s

        startSmtp();
        clock.advance(Duration.ofSeconds(11)); // +31 s: only w1 is due
        dispatcher.sendDue();

        assertThat(smtp.getReceivedMessages())
                .as("w2 goes with w1 instead of 19 s later")
                .hasSize(2);
        assertThat(mongo.findById("w2:confirm-request", OutgoingMessage.class).getStatus())
                .isEqualTo(OutgoingMessage.Status.SENT);
    }

    @Test
    void afterTheLastAttemptTheMessageIsMarkedFailedForStaffToSee() {
        mongo.insert(message("e2"));
        MailDispatcher dispatcher = dispatcher(2);

        dispatcher.sendDue();
        clock.advance(Duration.ofMinutes(1));
        dispatcher.sendDue();
        clock.advance(Duration.ofHours(1));
        dispatcher.sendDue();

        OutgoingMessage failed = mongo.findById("e2:confirm-request", OutgoingMessage.class);
        assertThat(failed.getStatus()).isEqualTo(OutgoingMessage.Status.FAILED);
        assertThat(failed.getAttempts()).isEqualTo(2);
        // the same write put EmailFailed in the entry's outbox, for the relay to publish
        List<Document> outbox =
                mongo.findById("e2:confirm-request", Document.class, "messages").getList("outbox", Document.class);
        assertThat(outbox).singleElement().satisfies(event -> {
            assertThat(event.getString("type")).isEqualTo(EmailEvents.FAILED_V1);
            assertThat(event.getString("subject")).isEqualTo("r-e2");
            assertThat(ContractSchemas.violations(EmailEvents.FAILED_V1, event.getString("payload")))
                    .isEmpty();
            assertThat(event.getString("payload"))
                    .contains("\"permanent\":false")
                    .contains("\"attempts\":2");
        });
    }

    @Test
    void aMessageWhoseSenderDiedIsTakenUpAgainWhenItsLeaseRunsOut() {
        OutgoingMessage message = message("e3");
        mongo.insert(message);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(message.getId())),
                new Update()
                        .set("status", OutgoingMessage.Status.SENDING)
                        .set("nextAttemptAt", NOW.plus(Duration.ofMinutes(2))),
                OutgoingMessage.class);
        startSmtp();
        MailDispatcher dispatcher = dispatcher(8);

        dispatcher.sendDue();
        assertThat(smtp.getReceivedMessages())
                .as("another sender still holds the lease")
                .isEmpty();

        clock.advance(Duration.ofMinutes(3));
        dispatcher.sendDue();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    /**
     * The one window the guarantee leaves open, shown as it happens: the mail server has said "250 OK" and
     * the process dies before the log records it. Nothing is lost and nothing is recorded twice; the mail
     * goes out a second time when the lease runs out, with the same Message-ID, so a mail program shows
     * it once. At least once, by design (see the README).
     */
    @Test
    void aSenderKilledBetweenTheMailServersOkAndItsRecordLosesNothingAndRepeatsTheMailWithTheSameMessageId()
            throws Exception {
        startSmtp();
        mongo.insert(message("k1"));
        SmtpConnections diesAfterSending = new SmtpConnections(smtpSender()) {
            @Override
            void send(MimeMessage message) {
                super.send(message);
                throw new KilledAfterSending();
            }
        };
        MailDispatcher killed = dispatcher(8, diesAfterSending);

        killed.sendDue();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        OutgoingMessage unrecorded = mongo.findById("k1:confirm-request", OutgoingMessage.class);
        assertThat(unrecorded.getStatus())
                .as("delivered, but the process died before it could say so")
                .isEqualTo(OutgoingMessage.Status.SENDING);

        MailDispatcher restarted = dispatcher(8);
        restarted.sendDue();
        assertThat(smtp.getReceivedMessages())
                .as("the dead sender's lease still runs")
                .hasSize(1);
        clock.advance(MailDispatcher.LEASE.plusSeconds(1));
        restarted.sendDue();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[1].getMessageID()).isEqualTo(received[0].getMessageID());
        Document entry = mongo.findById("k1:confirm-request", Document.class, "messages");
        assertThat(entry.getString("status")).isEqualTo("SENT");
        assertThat(entry.getList("outbox", Document.class))
                .as("one EmailSent: only the sender that lived recorded the delivery")
                .singleElement()
                .satisfies(event -> assertThat(event.getString("type")).isEqualTo(EmailEvents.SENT_V1));
    }

    /** Stands for the process dying: no handler in the dispatcher catches it. */
    private static final class KilledAfterSending extends Error {}

    @Test
    void twoInstancesSendingFromTheSameQueueSendEveryMessageOnceWithItsOwnStableMessageId() throws Exception {
        startSmtp();
        for (int i = 0; i < 60; i++) {
            mongo.insert(message("t" + i));
        }
        MailDispatcher first = dispatcher(8);
        MailDispatcher second = dispatcher(8);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = instances.submit(first::sendDue);
            Future<?> b = instances.submit(second::sendDue);
            a.get();
            b.get();
        } finally {
            instances.shutdown();
        }

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(60);
        Set<String> ids = new HashSet<>();
        for (MimeMessage m : received) {
            String id = m.getHeader("X-Motesdagen-Message-Id", null);
            assertThat(m.getMessageID()).isEqualTo(first.messageId(id)).isEqualTo(second.messageId(id));
            ids.add(m.getMessageID());
        }
        assertThat(ids).hasSize(60);
        assertThat(mongo.findAll(OutgoingMessage.class))
                .allSatisfy(m -> assertThat(m.getStatus()).isEqualTo(OutgoingMessage.Status.SENT));
    }

    @Test
    void aHintedMessageIsSentWithoutWaitingForTheSweep() throws Exception {
        startSmtp();
        MailDispatcher dispatcher = dispatcher(8);
        dispatcher.sendDue(); // the first sweep; the next is seconds away
        mongo.insert(message("h1"));

        dispatcher.hint("h1:confirm-request");
        dispatcher.sendDue();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    /** What {@link Mailbox} does with a new message: leased to its sender, stored, handed over. */
    private static OutgoingMessage queued(MailDispatcher sender, MongoTemplate mongo, String eventId) {
        OutgoingMessage message = message(eventId);
        sender.leaseOnQueue(message);
        mongo.insert(message);
        return message;
    }

    @Test
    void aMessageQueuedHereIsStoredUnderThisSendersLeaseAndSentAsHandedOver() throws Exception {
        startSmtp();
        MailDispatcher here = dispatcher(8);
        MailDispatcher elsewhere = dispatcher(8);
        OutgoingMessage message = queued(here, mongo, "q1");

        elsewhere.sendDue();
        assertThat(smtp.getReceivedMessages())
                .as("another instance's sweep leaves a leased message alone")
                .isEmpty();
        assertThat(mongo.findById("q1:confirm-request", OutgoingMessage.class).getStatus())
                .isEqualTo(OutgoingMessage.Status.SENDING);

        here.hand(message);
        here.sendDue();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        OutgoingMessage sent = mongo.findById("q1:confirm-request", OutgoingMessage.class);
        assertThat(sent.getStatus()).isEqualTo(OutgoingMessage.Status.SENT);
        assertThat(sent.getAttempts()).isEqualTo(1);
    }

    @Test
    void aMessageWhoseProcessDiedBetweenQueueingAndSendingGoesOutWhenItsLeaseRunsOut() throws Exception {
        startSmtp();
        queued(dispatcher(8), mongo, "q2"); // stored, never handed: the process died
        MailDispatcher restarted = dispatcher(8);

        restarted.sendDue();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        clock.advance(MailDispatcher.LEASE.plusSeconds(1));
        restarted.sendDue();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(mongo.findById("q2:confirm-request", OutgoingMessage.class).getAttempts())
                .isEqualTo(2);
    }

    @Test
    void aHandedMessageThatWaitedTooLongRenewsItsLeaseBeforeItIsSent() throws Exception {
        startSmtp();
        MailDispatcher here = dispatcher(8);
        OutgoingMessage message = queued(here, mongo, "q3");
        clock.advance(MailDispatcher.LEASE.minus(MailDispatcher.LONGEST_SEND)); // a long backlog

        here.hand(message);
        here.sendDue();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(mongo.findById("q3:confirm-request", OutgoingMessage.class).getStatus())
                .isEqualTo(OutgoingMessage.Status.SENT);
    }

    @Test
    void aHandedMessageStoppedWhileItWaitedIsNotSent() throws Exception {
        startSmtp();
        MailDispatcher here = dispatcher(8);
        OutgoingMessage message = queued(here, mongo, "q5");
        clock.advance(MailDispatcher.FRESH.plusMillis(1));
        // what an erasure does to a message still to go
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(message.getId())),
                new Update().set("status", OutgoingMessage.Status.SUPPRESSED).unset("leaseToken"),
                OutgoingMessage.class);

        here.hand(message);
        here.sendDue();

        assertThat(smtp.getReceivedMessages())
                .as("the sender asked the store first")
                .isEmpty();
        assertThat(mongo.findById("q5:confirm-request", OutgoingMessage.class).getStatus())
                .isEqualTo(OutgoingMessage.Status.SUPPRESSED);
    }

    @Test
    void aHandedMessageWhoseLeaseRanOutAndWasTakenByAnotherSenderIsSentOnlyByThatOne() throws Exception {
        startSmtp();
        MailDispatcher here = dispatcher(8);
        MailDispatcher elsewhere = dispatcher(8);
        OutgoingMessage message = queued(here, mongo, "q4");
        clock.advance(MailDispatcher.LEASE.plusSeconds(1));
        elsewhere.sendDue(); // its sweep takes the message whose lease ran out

        here.hand(message);
        here.sendDue();

        assertThat(smtp.getReceivedMessages())
                .as("the first sender lets it go: its lease token no longer matches")
                .hasSize(1);
    }

    @Test
    void aRefusalForGoodIsNotTriedAgainButPassingTroubleIs() {
        assertThat(MailDispatcher.isPermanent(new MailSendException(
                        "refused",
                        new SMTPAddressFailedException(new InternetAddress(), "RCPT TO", 550, "no such user"))))
                .isTrue();
        assertThat(MailDispatcher.isPermanent(new MailSendException(
                        "busy", new SMTPAddressFailedException(new InternetAddress(), "RCPT TO", 451, "try later"))))
                .isFalse();
        assertThat(MailDispatcher.isPermanent(new MailSendException("connection refused")))
                .isFalse();
    }

    @Test
    void aRecipientTheMailServerRefusesForGoodFailsAtTheFirstAttemptAndTheNextMailStillGoes() throws Exception {
        mongo.insert(message("p1"));
        try (FakeSmtpServer refusing = new FakeSmtpServer("astrid@testbageri.example")) {
            smtpPort = refusing.port();
            MailDispatcher dispatcher = dispatcher(8);

            dispatcher.sendDue();
            mongo.insert(message("p2", "per@testbageri.example"));
            clock.advance(Duration.ofSeconds(6)); // the next sweep
            dispatcher.sendDue();

            OutgoingMessage refused = mongo.findById("p1:confirm-request", OutgoingMessage.class);
            assertThat(refused.getStatus())
                    .as("a 550 from the real server, not tried eight times over four hours")
                    .isEqualTo(OutgoingMessage.Status.FAILED);
            assertThat(refused.getAttempts()).isEqualTo(1);
            assertThat(refused.getLastError()).contains("550 5.1.1").doesNotContain("astrid");
            assertThat(refusing.taken).containsExactly("per@testbageri.example");
            assertThat(mongo.findById("p2:confirm-request", OutgoingMessage.class)
                            .getStatus())
                    .isEqualTo(OutgoingMessage.Status.SENT);
        }
    }

    @Test
    void whatTheMailServerSaidIsKeptWithoutTheAddressesInIt() throws Exception {
        MailSendException refused = new MailSendException(
                "Failed messages: 550 5.1.1 <astrid.exempelsson@testbageri.example>: Recipient address rejected",
                new SMTPAddressFailedException(
                        new InternetAddress("astrid.exempelsson@testbageri.example"),
                        "RCPT TO",
                        550,
                        "5.1.1 <astrid.exempelsson@testbageri.example>: Recipient address rejected"));

        assertThat(MailDispatcher.reasonOf(refused))
                .doesNotContain("@", "astrid", "testbageri")
                .contains("550 5.1.1 <[adress]>: Recipient address rejected")
                .startsWith("MailSendException");
    }

    @Test
    void backOffDoublesFromHalfAMinuteAndStopsAtHalfAnHour() {
        assertThat(OutgoingMessage.backOff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(OutgoingMessage.backOff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutgoingMessage.backOff(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(OutgoingMessage.backOff(20)).isEqualTo(Duration.ofMinutes(30));
    }

    private MailDispatcher dispatcher(int maxAttempts) {
        return dispatcher(maxAttempts, new SmtpConnections(smtpSender()));
    }

    private JavaMailSenderImpl smtpSender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtpPort);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        return sender;
    }

    private MailDispatcher dispatcher(int maxAttempts, SmtpConnections smtp) {
        try {
            return new MailDispatcher(
                    mongo,
                    smtp,
                    clock,
                    new SimpleMeterRegistry(),
                    new MailSender(null, null, null, null, null, null, null, null),
                    new EmailEvents(TestOutbox.unpublished(mongo, clock, "messages")),
                    SEAL,
                    "Mötesdagen <motesdagen@nykoping.example>",
                    maxAttempts,
                    4,
                    1000,
                    Duration.ofSeconds(5));
        } catch (AddressException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.port(smtpPort));
        smtp.start();
    }

    private static final LinkSeal SEAL = LinkSeal.of("t:" + "c".repeat(43) + "=");

    private static OutgoingMessage message(String eventId) {
        return message(eventId, "astrid@testbageri.example");
    }

    private static OutgoingMessage message(String eventId, String recipient) {
        return new OutgoingMessage(
                eventId + ":confirm-request",
                eventId,
                "confirm-request",
                "r-" + eventId,
                recipient,
                "Bekräfta din anmälan",
                "Hej!",
                "<p>Hej!</p>",
                List.of(),
                NOW);
    }
}
