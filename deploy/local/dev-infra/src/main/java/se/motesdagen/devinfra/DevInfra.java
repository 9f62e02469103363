package se.motesdagen.devinfra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack's infrastructure besides Kafka, in one small process: the MongoDB-compatible server
 * on an H2 file (one database per service, created on first use), GreenMail for SMTP and IMAP, an
 * inbox page for people, and the Kafka topics the services expect. Everything lives under the data
 * folder, so a restart loses nothing.
 */
public final class DevInfra {

    /** The exit status when the store has failed and the process stops so it is started again. */
    static final int STORE_FAILED = 75;

    public static void main(String[] args) throws Exception {
        // GreenMail parses every mail with Jakarta Mail, which looks its stream provider up through the
        // service loader (a scan of every jar) for each part it reads, unless this names it
        System.setProperty(
                "jakarta.mail.util.StreamProvider",
                System.getProperty(
                        "jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider"));
        Settings settings = Settings.fromEnvironment();
        Files.createDirectories(settings.dataDir().resolve("mongo"));

        // a store H2 has given up answers every request with an error until the file is opened again:
        // stop, and the supervisor (deploy/local/run) starts the process again (a thread of its own, as
        // the shutdown hook waits for the housekeeping thread this is called from)
        MongoServer mongo = new MongoServer(DurableH2Backend.open(
                settings.dataDir().resolve("mongo/motesdagen.mv.db").toString(),
                settings.fsync(),
                () -> new Thread(() -> System.exit(STORE_FAILED), "stop-after-store-failure").start()));
        mongo.bind("127.0.0.1", settings.mongoPort());

        GreenMail mail = new LocalMail(new ServerSetup[] {
            new ServerSetup(settings.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(settings.imapPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        // restore and archive before the server listens: a mail accepted while the archive was not yet
        // watching would be lost at the next restart
        MailArchive archive = new MailArchive(mail, settings.dataDir().resolve("mail"), settings.mailsInMemory());
        archive.restore();
        archive.startSaving();
        mail.start();
        // the notification service reads delivery status notifications from here (its envelope sender)
        archive.keepOpen("bounces@nykoping.example");
        if (mail.getUserManager().getUser("bounces@nykoping.example") == null) {
            mail.setUser("bounces@nykoping.example", "bounces@nykoping.example");
        }

        InboxPage inbox = new InboxPage(mail, settings.inboxPort(), settings.inboxPath());
        inbox.start();

        Thread topics = new Thread(
                () -> Topics.createWhenBrokerIsUp(
                        settings.kafkaBootstrapServers(), settings.topics(), settings.partitions()),
                "create-topics");
        topics.setDaemon(true);
        topics.start();

        System.out.printf(
                "dev-infra ready: MongoDB-compatible server 127.0.0.1:%d (H2 file under %s, every acknowledged write committed%s), SMTP %d, IMAP %d, inbox http://127.0.0.1:%d%s%n",
                settings.mongoPort(),
                settings.dataDir(),
                settings.fsync() ? " and synced" : "",
                settings.smtpPort(),
                settings.imapPort(),
                settings.inboxPort(),
                settings.inboxPath());

        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            inbox.stop();
            archive.stopSaving();
            mail.stop();
            mongo.shutdown(); // flushes the H2 file
            stop.countDown();
        }));
        stop.await();
    }

    record Settings(
            Path dataDir,
            int mongoPort,
            boolean fsync,
            int smtpPort,
            int imapPort,
            int inboxPort,
            String inboxPath,
            String kafkaBootstrapServers,
            List<String> topics,
            int partitions,
            int mailsInMemory) {

        static Settings fromEnvironment() {
            return new Settings(
                    Path.of(env("MOTESDAGEN_DATA", ".data")).toAbsolutePath(),
                    Integer.parseInt(env("MONGO_PORT", "27017")),
                    Boolean.parseBoolean(env("MONGO_FSYNC", "true")),
                    Integer.parseInt(env("SMTP_PORT", "3025")),
                    Integer.parseInt(env("IMAP_PORT", "3143")),
                    Integer.parseInt(env("INBOX_PORT", "8025")),
                    env("INBOX_PATH", "/inkorg"),
                    env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                    List.of(env("KAFKA_TOPICS", "registration.events,visit.events,notification.events,feedback.events")
                            .split(",")),
                    Integer.parseInt(env("KAFKA_PARTITIONS", "6")),
                    Integer.parseInt(env("MAIL_KEEP_IN_MEMORY", Integer.toString(MailArchive.KEEP_IN_MEMORY))));
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }
}
