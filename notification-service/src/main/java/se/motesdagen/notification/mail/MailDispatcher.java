package se.motesdagen.notification.mail;

import com.mongodb.client.result.UpdateResult;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import se.motesdagen.platform.security.LinkSeal;

/**
 * Sends queued messages. Kept apart from the Kafka consumers so a mail server that is down delays
 * e-mails (with back-off) instead of pushing events into the dead-letter topic.
 *
 * <p>A message queued in this process is {@linkplain #leaseOnQueue leased to it before it is stored} and
 * {@linkplain #hand handed} over as it is, so sending it takes no claim and no read. A message staff send
 * again is {@linkplain #hint hinted} and claimed by {@code _id}; a sweep every few seconds claims what
 * is due otherwise (retries after back-off, messages of a sender that died, whose lease ran out).
 *
 * <p>Each message is claimed with a lease, a token and a deadline, so two instances never send the
 * same one. The lease is fenced: a sender sends only while enough of its lease is left to finish
 * within the SMTP time-outs, and records "sent" only while it still holds the lease. The window in
 * which a crash causes a second delivery is between the SMTP server's "250 OK" and the one write
 * that records it; that message goes out again with the same {@code Message-ID}, derived from the
 * message, so mail clients show it once. At least once, never silently lost.
 */
@Component
public class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    static final Duration LEASE = Duration.ofMinutes(2);
    /**
     * How long after queueing a message is sent from memory without asking the store: an erasure in that
     * second does not stop it, as it cannot stop a mail already on its way to the mail server.
     */
    static final Duration FRESH = Duration.ofSeconds(1);
    /** Connect + write + read time-outs of the SMTP client, with room to spare. */
    static final Duration LONGEST_SEND = Duration.ofSeconds(40);

    private static final int BATCH = 200;

    private final MongoOperations mongo;
    private final SmtpConnections smtp;
    private final Clock clock;
    private final MeterRegistry meters;
    private final EmailEvents events;
    private final LinkSeal seal;
    private final InternetAddress from;
    private final InternetAddress replyTo;
    private final byte[] logo;
    private final String messageIdDomain;
    private final int maxAttempts;
    private final ExecutorService senders;
    private final Duration sweepInterval;
    private final SendRate rate;
    private final String owner = UUID.randomUUID().toString();
    private final Queue<String> hints = new ConcurrentLinkedQueue<>();
    private final Queue<OutgoingMessage> handed = new ConcurrentLinkedQueue<>();
    /** A send failed for a passing reason since the last success: the next success releases the waiting. */
    private final AtomicBoolean troubleSeen = new AtomicBoolean();

    private Instant nextSweep = Instant.MIN;

    MailDispatcher(
            MongoOperations mongo,
            SmtpConnections smtp,
            Clock clock,
            MeterRegistry meters,
            MailSender sender,
            EmailEvents events,
            LinkSeal seal,
            @Value("${motesdagen.mail.from}") String from,
            @Value("${motesdagen.mail.max-attempts:8}") int maxAttempts,
            @Value("${motesdagen.mail.concurrency:4}") int concurrency,
            @Value("${motesdagen.mail.max-per-second:100}") double maxPerSecond,
            @Value("${motesdagen.mail.sweep-interval:15s}") Duration sweepInterval)
            throws AddressException, IOException {
        this.mongo = mongo;
        this.smtp = smtp;
        this.clock = clock;
        this.meters = meters;
        this.events = events;
        this.seal = seal;
        this.from = new InternetAddress(from);
        this.replyTo = new InternetAddress(sender.email());
        this.logo = new ClassPathResource(sender.logo()).getContentAsByteArray();
        this.messageIdDomain =
                this.from.getAddress().substring(this.from.getAddress().indexOf('@') + 1);
        this.maxAttempts = maxAttempts;
        this.sweepInterval = sweepInterval;
        this.rate = new SendRate(clock, maxPerSecond);
        this.senders = Executors.newFixedThreadPool(concurrency, r -> {
            Thread thread = new Thread(r, "mail-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A message about to be stored for the first time is this sender's from the start: it goes into the
     * store already leased, and is then {@linkplain #hand handed} over. Should the process die before
     * sending it, the lease runs out and a sweep (of any instance) takes it up.
     */
    void leaseOnQueue(OutgoingMessage message) {
        message.leasedTo(leaseToken(), clock.instant().plus(LEASE));
    }

    /** A message leased on queueing, now stored: it is sent without being read again. */
    void hand(OutgoingMessage message) {
        handed.add(message);
    }

    /** A message in the store is due now (sent again by staff, released after trouble): it is claimed by id. */
    void hint(String messageId) {
        hints.add(messageId);
    }

    /** Sends what is due until nothing is; every instance does, each message under its own lease. */
    public void sendDue() {
        List<Callable<OutgoingMessage>> due;
        while (!(due = work()).isEmpty()) {
            sendAll(due);
        }
    }

    /**
     * What this sender holds (handed over), then the hinted messages, or when there are none and one is
     * due, what a sweep finds; each as the step that makes it this sender's to send, or null when it is not.
     */
    private List<Callable<OutgoingMessage>> work() {
        List<Callable<OutgoingMessage>> work = new ArrayList<>();
        for (OutgoingMessage held; work.size() < BATCH && (held = handed.poll()) != null; ) {
            OutgoingMessage message = held;
            work.add(() -> stillHeld(message));
        }
        for (String id : dueIds(BATCH - work.size(), work.isEmpty())) {
            work.add(() -> claim(id, clock.instant()));
        }
        return work;
    }

    /** Up to {@code limit} hinted ids; when there are none and it may, what a sweep finds. */
    private List<String> dueIds(int limit, boolean maySweep) {
        Instant now = clock.instant();
        Set<String> ids = new LinkedHashSet<>();
        for (String id; ids.size() < limit && (id = hints.poll()) != null; ) {
            ids.add(id);
        }
        if (maySweep && ids.isEmpty() && !now.isBefore(nextSweep)) {
            nextSweep = now.plus(sweepInterval);
            Query due = Query.query(due(now)).limit(limit);
            due.fields().include("_id");
            mongo.find(due, OutgoingMessage.class).forEach(m -> ids.add(m.getId()));
        }
        return List.copyOf(ids);
    }

    private static Criteria due(Instant now) {
        return new Criteria()
                .orOperator(
                        Criteria.where("status")
                                .is(OutgoingMessage.Status.PENDING)
                                .and("nextAttemptAt")
                                .lte(now),
                        Criteria.where("status")
                                .is(OutgoingMessage.Status.SENDING)
                                .and("nextAttemptAt")
                                .lte(now));
    }

    private String leaseToken() {
        return owner + ":" + UUID.randomUUID();
    }

    private OutgoingMessage claim(String id, Instant now) {
        Query dueById = Query.query(Criteria.where("_id").is(id).andOperator(due(now)));
        Update lease = new Update()
                .set("status", OutgoingMessage.Status.SENDING)
                .set("nextAttemptAt", now.plus(LEASE))
                .set("leaseToken", leaseToken())
                .inc("attempts", 1);
        return mongo.findAndModify(
                dueById, lease, FindAndModifyOptions.options().returnNew(true), OutgoingMessage.class);
    }

    /**
     * A handed-over message is sent as it is while it is fresh (queued within {@link #FRESH}) and enough
     * of its lease is left. One that waited (a backlog, the send rate's pacing) is sent only if it is still
     * this sender's in the store: its lease renewed by its token, which is gone when an erasure stopped
     * it or when its lease ran out and another sender took it; then this one lets it go.
     */
    private OutgoingMessage stillHeld(OutgoingMessage message) {
        Instant now = clock.instant();
        if (now.isBefore(message.getCreatedAt().plus(FRESH))
                && now.plus(LONGEST_SEND).isBefore(message.getLeaseUntil())) {
            return message;
        }
        Query mine = Query.query(Criteria.where("_id")
                .is(message.getId())
                .and("leaseToken")
                .is(message.getLeaseToken())
                .and("status")
                .is(OutgoingMessage.Status.SENDING));
        Instant until = now.plus(LEASE);
        if (mongo.updateFirst(mine, new Update().set("nextAttemptAt", until), OutgoingMessage.class)
                        .getMatchedCount()
                == 0) {
            return null;
        }
        message.leaseRenewed(until);
        return message;
    }

    /** Each sender makes its message its own (see {@link #work}) and sends it, so the store's round trips overlap too. */
    private void sendAll(List<Callable<OutgoingMessage>> work) {
        List<Future<?>> running = new ArrayList<>();
        for (Callable<OutgoingMessage> taking : work) {
            running.add(senders.submit(() -> {
                rate.pace(); // before taking it, so the wait does not eat the lease
                OutgoingMessage message = taking.call();
                if (message != null) {
                    send(message);
                }
                return null;
            }));
        }
        for (Future<?> sending : running) {
            try {
                sending.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                log.warn("A sender failed unexpectedly: {}", e.getCause().toString());
            }
        }
    }

    private void send(OutgoingMessage message) {
        Query stillMine = Query.query(
                Criteria.where("_id").is(message.getId()).and("leaseToken").is(message.getLeaseToken()));
        if (clock.instant().plus(LONGEST_SEND).isAfter(message.getLeaseUntil())) {
            log.warn("Not sending {}: too little of its lease is left to finish in time", message.getId());
            return; // the lease runs out; whoever claims it next sends it
        }
        try {
            smtp.send(mime(message));
        } catch (Exception e) {
            failed(message, stillMine, e);
            return;
        }
        var recorded = recordSent(message, stillMine);
        if (recorded.getMatchedCount() == 0) {
            log.warn("Sent {} after losing its lease; another sender may send it too", message.getId());
        }
        meters.counter("motesdagen.mail.sent", "template", message.getTemplate(), "outcome", "sent")
                .increment();
        if (troubleSeen.compareAndSet(true, false)) {
            releaseWaiting();
        }
    }

    /**
     * The mail server takes mail again after passing trouble: what waits out its back-off goes now rather
     * than up to half an hour later. The send that succeeded was the probe.
     */
    private void releaseWaiting() {
        Instant now = clock.instant();
        Query waiting = Query.query(Criteria.where("status")
                        .is(OutgoingMessage.Status.PENDING)
                        .and("attempts")
                        .gt(0)
                        .and("nextAttemptAt")
                        .gt(now))
                .limit(BATCH);
        waiting.fields().include("_id");
        List<String> ids = mongo.find(waiting, OutgoingMessage.class).stream()
                .map(OutgoingMessage::getId)
                .toList();
        if (ids.isEmpty()) {
            return;
        }
        mongo.updateMulti(
                Query.query(Criteria.where("_id").in(ids).and("status").is(OutgoingMessage.Status.PENDING)),
                new Update().set("nextAttemptAt", now),
                OutgoingMessage.class);
        ids.forEach(this::hint);
        log.info("The mail server takes mail again; {} waiting messages go now", ids.size());
    }

    /**
     * Records the delivery, waiting out a store that is away: giving up here would leave a delivered
     * message looking unsent, to be sent again when its lease ran out.
     */
    private UpdateResult recordSent(OutgoingMessage message, Query stillMine) {
        Instant now = clock.instant();
        Update sent = new Update()
                .set("status", OutgoingMessage.Status.SENT)
                .set("sentAt", now)
                .set("mimeMessageId", messageId(message.getId()))
                .unset("lastError")
                .unset("leaseToken");
        OutgoingMessage.redactLinks(message, sent); // delivered: the log keeps no working link
        long wait = 100;
        while (true) {
            try {
                return events.sent(stillMine, sent, message, now);
            } catch (DataAccessResourceFailureException | TransientDataAccessException storeAway) {
                log.warn("Sent {} but cannot record it yet, the store is away; trying again", message.getId());
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw storeAway;
                }
                wait = Math.min(wait * 2, 5000);
            }
        }
    }

    private void failed(OutgoingMessage message, Query stillMine, Exception e) {
        boolean permanent = isPermanent(e);
        if (!permanent) {
            troubleSeen.set(true);
        }
        boolean giveUp = permanent || message.getAttempts() >= maxAttempts;
        Instant now = clock.instant();
        Instant retryAt = now.plus(OutgoingMessage.backOff(message.getAttempts()));
        String reason = reasonOf(e);
        Update update = new Update()
                .set("status", giveUp ? OutgoingMessage.Status.FAILED : OutgoingMessage.Status.PENDING)
                .set("nextAttemptAt", retryAt)
                .set("lastError", reason)
                .unset("leaseToken");
        if (giveUp) {
            // never delivered, so nobody holds its links; they stay for staff to send it again, and the
            // links themselves run out where they were made
            events.failed(stillMine, update, message, reason, permanent, now);
        } else {
            mongo.updateFirst(stillMine, update, OutgoingMessage.class);
        }
        meters.counter(
                        "motesdagen.mail.sent",
                        "template",
                        message.getTemplate(),
                        "outcome",
                        giveUp ? "failed" : "retry")
                .increment();
        log.warn(
                "Sending {} failed (attempt {}), {}: {}",
                message.getId(),
                message.getAttempts(),
                permanent ? "refused for good" : giveUp ? "giving up" : "retrying at " + retryAt,
                reason);
    }

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:@\\[\\]]+@[^\\s<>\"'(),;:@\\[\\]]+");

    /**
     * Why a send failed, as the log, the delivery log and EmailFailed keep it: the mail server's words
     * (its code, "Recipient address rejected") without any e-mail address in them, which would stay
     * there beyond the mail's retention and its erasure.
     */
    static String reasonOf(Exception e) {
        return withoutAddresses(e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    /** The text with every e-mail address in it replaced by "[adress]"; null stays null. */
    public static String withoutAddresses(String text) {
        return text == null ? null : ADDRESS.matcher(text).replaceAll("[adress]");
    }

    /** The mail server refused for good (5xx: no such mailbox, rejected), or the message cannot be built. */
    static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MailParseException || t instanceof MailPreparationException) {
                return true;
            }
            if (t instanceof SMTPAddressFailedException refused && refused.getReturnCode() >= 500) {
                return true;
            }
            if (t instanceof SMTPSendFailedException refused && refused.getReturnCode() >= 500) {
                return true;
            }
            if (t instanceof MessagingException m && m.getNextException() != null) {
                if (isPermanent(m.getNextException())) {
                    return true;
                }
            }
            // what a sender throws when the server refused the mail: the refusal is kept per message, not as the cause
            if (t instanceof MailSendException sending) {
                for (Exception refusal : sending.getMessageExceptions()) {
                    if (isPermanent(refusal)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private MimeMessage mime(OutgoingMessage message) throws MessagingException {
        MimeMessage mime = new StableIdMessage(smtp.session(), messageId(message.getId()));
        MimeMessageHelper helper = new SharedTypeMapHelper(mime);
        helper.setFrom(from);
        helper.setReplyTo(replyTo);
        helper.setTo(message.getRecipient());
        helper.setSubject(message.getSubject());
        // the tokens wait sealed in the store; they are opened only into the mail that goes out
        String body = SecretLinks.open(message.getBody(), seal, message.getRecipient());
        String html = SecretLinks.open(message.getHtml(), seal, message.getRecipient());
        if (html == null) {
            helper.setText(body, false); // queued before mails had an HTML part
        } else {
            helper.setText(body, html);
            if (html.contains("cid:logo")) {
                helper.addInline("logo", new ByteArrayResource(logo), "image/png");
            }
        }
        for (Attachment stored : message.getAttachments()) {
            Attachment attachment = stored.withText(text -> SecretLinks.open(text, seal, message.getRecipient()));
            if (attachment.inline()) {
                helper.addInline(
                        attachment.contentId(), new ByteArrayResource(attachment.bytes()), attachment.contentType());
            } else {
                helper.addAttachment(
                        attachment.filename(), new ByteArrayDataSource(attachment.bytes(), attachment.contentType()));
            }
        }
        mime.setHeader("X-Motesdagen-Message-Id", message.getId());
        if (message.getUnsubscribeUrl() != null) {
            mime.setHeader("List-Unsubscribe", "<" + message.getUnsubscribeUrl() + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mime;
    }

    /** The same message always gets the same Message-ID, so a repeated delivery is recognisably the same mail. */
    String messageId(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 16) + "@" + messageIdDomain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Spring's helper builds a new file-type map (reading mime.types through the service loader) for every
     * message not made by the sender itself; one shared map does the same work once.
     */
    private static final class SharedTypeMapHelper extends MimeMessageHelper {

        private static final FileTypeMap TYPES = new ConfigurableMimeFileTypeMap();

        SharedTypeMapHelper(MimeMessage mime) throws MessagingException {
            super(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
            return TYPES;
        }
    }

    /** JavaMail writes a fresh Message-ID on every save; this one keeps ours. */
    private static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
