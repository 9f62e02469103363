package se.motesdagen.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

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
    }

    @Test
    void aMessageWhoseSenderDiedIsTakenUpAgainWhenItsLeaseRunsOut() {
        OutgoingMessage message = message("e3");
        mongo.insert(message);
        mongo.updateFirst(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                .is(message.getId())),
                new org.springframework.data.mongodb.core.query.Update()
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

    @Test
    void backOffDoublesFromHalfAMinuteAndStopsAtHalfAnHour() {
        assertThat(OutgoingMessage.backOff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(OutgoingMessage.backOff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutgoingMessage.backOff(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(OutgoingMessage.backOff(20)).isEqualTo(Duration.ofMinutes(30));
    }

    private MailDispatcher dispatcher(int maxAttempts) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtpPort);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        try {
            return new MailDispatcher(
                    mongo,
                    sender,
                    clock,
                    new SimpleMeterRegistry(),
                    "Mötesdagen <motesdagen@nykoping.example>",
                    maxAttempts);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalStateException(e);
        }
    }

    private void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.port(smtpPort));
        smtp.start();
    }

    private static OutgoingMessage message(String eventId) {
        return new OutgoingMessage(
                eventId,
                "confirm-request",
                "r-" + eventId,
                "astrid@testbageri.example",
                "Bekräfta din anmälan",
                "Hej!",
                NOW);
    }

    /** A clock the test moves forward, so back-off is tested without waiting for it. */
    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
