package se.motesdagen.notification.mail;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends queued messages. Kept apart from the Kafka consumers so a mail server that is down delays
 * e-mails (with back-off) instead of pushing events into the dead-letter topic. Each message is
 * claimed with a lease before sending, so several instances never send the same one, and a message
 * whose sender died is picked up again when the lease runs out.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final MongoOperations mongo;
    private final JavaMailSender mailSender;
    private final Clock clock;
    private final MeterRegistry meters;
    private final InternetAddress from;
    private final int maxAttempts;

    MailDispatcher(
            MongoOperations mongo,
            JavaMailSender mailSender,
            Clock clock,
            MeterRegistry meters,
            @Value("${motesdagen.mail.from}") String from,
            @Value("${motesdagen.mail.max-attempts:8}") int maxAttempts)
            throws jakarta.mail.internet.AddressException {
        this.mongo = mongo;
        this.mailSender = mailSender;
        this.clock = clock;
        this.meters = meters;
        this.from = new InternetAddress(from);
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(fixedDelayString = "${motesdagen.mail.poll-interval:250ms}")
    void sendDue() {
        OutgoingMessage message;
        while ((message = claimNext()) != null) {
            send(message);
        }
    }

    private OutgoingMessage claimNext() {
        Instant now = clock.instant();
        Query due = Query.query(new Criteria()
                .orOperator(
                        Criteria.where("status")
                                .is(OutgoingMessage.Status.PENDING)
                                .and("nextAttemptAt")
                                .lte(now),
                        Criteria.where("status")
                                .is(OutgoingMessage.Status.SENDING)
                                .and("nextAttemptAt")
                                .lte(now)));
        Update claim = new Update()
                .set("status", OutgoingMessage.Status.SENDING)
                .set("nextAttemptAt", now.plus(LEASE))
                .inc("attempts", 1);
        return mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true), OutgoingMessage.class);
    }

    private void send(OutgoingMessage message) {
        Query thisOne = Query.query(Criteria.where("_id").is(message.getId()));
        try {
            MimeMessage mime = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(message.getRecipient());
            helper.setSubject(message.getSubject());
            helper.setText(message.getBody(), false);
            mime.setHeader("X-Motesdagen-Message-Id", message.getId());
            mailSender.send(mime);
            mongo.updateFirst(
                    thisOne,
                    new Update()
                            .set("status", OutgoingMessage.Status.SENT)
                            .set("sentAt", clock.instant())
                            .unset("lastError"),
                    OutgoingMessage.class);
            meters.counter("motesdagen.mail.sent", "template", message.getTemplate(), "outcome", "sent")
                    .increment();
        } catch (Exception e) {
            boolean giveUp = message.getAttempts() >= maxAttempts;
            Instant retryAt = clock.instant().plus(OutgoingMessage.backOff(message.getAttempts()));
            mongo.updateFirst(
                    thisOne,
                    new Update()
                            .set("status", giveUp ? OutgoingMessage.Status.FAILED : OutgoingMessage.Status.PENDING)
                            .set("nextAttemptAt", retryAt)
                            .set("lastError", e.getClass().getSimpleName() + ": " + e.getMessage()),
                    OutgoingMessage.class);
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
                    giveUp ? "giving up" : "retrying at " + retryAt,
                    e.toString());
        }
    }
}
