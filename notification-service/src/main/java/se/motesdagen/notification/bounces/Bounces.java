package se.motesdagen.notification.bounces;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.eclipse.angus.mail.dsn.MultipartReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import se.motesdagen.notification.mail.EmailEvents;
import se.motesdagen.notification.mail.MailDispatcher;
import se.motesdagen.notification.mail.OutgoingMessage;
import se.motesdagen.platform.scheduling.JobLease;

/**
 * Reads the bounce mailbox (IMAP). Our mails go out with it as their envelope sender, so a mail server
 * that accepted a mail and could not deliver it later sends its delivery status notification (RFC 3464)
 * there. Each notification that says "failed" is matched to our message by the headers it returns
 * ({@code X-Motesdagen-Message-Id}, else {@code Message-ID}); the message is marked BOUNCED and
 * {@code EmailBounced} goes out from its outbox in the same write. Handled notifications are deleted;
 * anything else in the mailbox (auto-replies, "delayed" notices) is left for a person to read.
 *
 * <p>Two instances may read at once: marking is conditional on the message not being BOUNCED yet, so
 * one notification makes one event.
 */
@Component
public class Bounces {

    private static final Logger log = LoggerFactory.getLogger(Bounces.class);

    private final MongoOperations mongo;
    private final JobLease lease;
    private final EmailEvents events;
    private final Clock clock;
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final String protocol;

    Bounces(
            MongoOperations mongo,
            JobLease lease,
            EmailEvents events,
            Clock clock,
            @Value("${motesdagen.mail.bounces.host:}") String host,
            @Value("${motesdagen.mail.bounces.port:993}") int port,
            @Value("${motesdagen.mail.bounces.username:}") String username,
            @Value("${motesdagen.mail.bounces.password:}") String password,
            @Value("${motesdagen.mail.bounces.protocol:imaps}") String protocol) {
        this.mongo = mongo;
        this.lease = lease;
        this.events = events;
        this.clock = clock;
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.protocol = protocol;
    }

    /** What a notification says about one recipient. */
    public record Bounce(
            String headerId, String messageIdHeader, String status, String diagnostic, boolean permanent) {}

    /** Reads the bounce mailbox, when one is configured; one instance at a time (two would find the same notices). */
    public void poll() {
        if (host.isBlank() || !lease.acquire("bounces", Duration.ofMinutes(5))) {
            return;
        }
        try {
            read();
        } catch (MessagingException mailboxAway) {
            log.warn("Cannot read the bounce mailbox {}@{}: {}", username, host, mailboxAway.toString());
        }
    }

    /** Reads the mailbox once; returns how many bounces were matched to a message. Public for the tests. */
    public int read() throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".connectiontimeout", "5000");
        properties.put("mail." + protocol + ".timeout", "10000");
        Store store = Session.getInstance(properties).getStore(protocol);
        store.connect(host, port, username, password);
        int matched = 0;
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                for (Message notice : inbox.getMessages()) {
                    Optional<Bounce> bounce = parse(notice);
                    if (bounce.isEmpty()) {
                        continue;
                    }
                    if (record(bounce.get())) {
                        matched++;
                    }
                    notice.setFlag(Flags.Flag.DELETED, true);
                }
            } finally {
                inbox.close(true);
            }
        } finally {
            store.close();
        }
        return matched;
    }

    /** A delivery status notification that says delivery failed, with what it returns of our message. */
    static Optional<Bounce> parse(Message notice) {
        try {
            if (!(notice.getContent() instanceof MultipartReport report)
                    || !(report.getReport() instanceof DeliveryStatus status)) {
                return Optional.empty();
            }
            for (int i = 0; i < status.getRecipientDSNCount(); i++) {
                InternetHeaders recipient = status.getRecipientDSN(i);
                String action = recipient.getHeader("Action", null);
                if (action == null || !action.strip().equalsIgnoreCase("failed")) {
                    continue;
                }
                String code = Optional.ofNullable(recipient.getHeader("Status", null))
                        .map(s -> s.strip().split("\\s")[0])
                        .orElse("5.0.0");
                String[] ours = returnedHeader(report, "X-Motesdagen-Message-Id");
                String[] messageId = returnedHeader(report, "Message-ID");
                return Optional.of(new Bounce(
                        ours == null ? null : ours[0].strip(),
                        messageId == null ? null : messageId[0].strip(),
                        code,
                        // the mail server's words are kept (log, event, staff page), its addresses not
                        MailDispatcher.withoutAddresses(recipient.getHeader("Diagnostic-Code", null)),
                        code.startsWith("5")));
            }
            return Optional.empty();
        } catch (Exception notAReport) {
            log.debug("Not a delivery status notification: {}", notAReport.toString());
            return Optional.empty();
        }
    }

    private static String[] returnedHeader(MultipartReport report, String name) throws MessagingException {
        var returned = report.getReturnedMessage();
        return returned == null ? null : returned.getHeader(name);
    }

    private boolean record(Bounce bounce) {
        Criteria which = bounce.headerId() != null
                ? Criteria.where("_id").is(bounce.headerId())
                : bounce.messageIdHeader() != null
                        ? Criteria.where("mimeMessageId").is(bounce.messageIdHeader())
                        : null;
        if (which == null) {
            log.warn("A bounce names no message of ours; left deleted: status {}", bounce.status());
            return false;
        }
        OutgoingMessage message = mongo.findOne(Query.query(which), OutgoingMessage.class);
        if (message == null) {
            log.warn("A bounce for a message not in the log (status {})", bounce.status());
            return false;
        }
        var now = clock.instant();
        var marked = events.bounced(
                Query.query(
                        Criteria.where("_id").is(message.getId()).and("status").ne(OutgoingMessage.Status.BOUNCED)),
                new Update()
                        .set("status", OutgoingMessage.Status.BOUNCED)
                        .set(
                                "lastError",
                                "Studsade " + bounce.status()
                                        + (bounce.diagnostic() == null ? "" : ": " + bounce.diagnostic())),
                message,
                bounce.status(),
                bounce.diagnostic(),
                bounce.permanent(),
                now);
        if (marked.getModifiedCount() == 0) {
            return false; // another instance, or the same notice twice
        }
        log.info(
                "Message {} to registration {} bounced: {}",
                message.getId(),
                message.getRegistrationId(),
                bounce.status());
        return true;
    }
}
