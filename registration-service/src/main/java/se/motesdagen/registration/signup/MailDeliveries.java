package se.motesdagen.registration.signup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;
import se.motesdagen.platform.messaging.IncomingEvents;

/**
 * What became of the mails about a registration, as the notification service reports it: each goes on
 * the registration's timeline, and a mail to the contact that bounced or was refused for good marks the
 * contact's address as unreachable, so staff call instead of writing again.
 *
 * <p>Each is one atomic write that adds the timeline entry with {@code $addToSet} (the same event
 * delivered twice makes the same entry, which is not added again) and raises the version, so a change
 * being made from an older copy at the same moment fails its version check and is made again.
 */
@Configuration(proxyBeanMethods = false)
class MailDeliveries {

    static final String SENT_V1 = "se.motesdagen.notification.email-sent.v1";
    static final String FAILED_V1 = "se.motesdagen.notification.email-failed.v1";
    static final String BOUNCED_V1 = "se.motesdagen.notification.email-bounced.v1";

    private final IncomingEvents incoming;
    private final MongoOperations mongo;

    MailDeliveries(IncomingEvents incoming, MongoOperations mongo) {
        this.incoming = incoming;
        this.mongo = mongo;
    }

    @Bean
    Consumer<Message<byte[]>> recordMailSent() {
        return incoming.consumer(
                SENT_V1,
                Delivery.class,
                (event, sent) -> happened(sent, Registration.Happening.Kind.MAIL_SENT, sent.sentAt()));
    }

    @Bean
    Consumer<Message<byte[]>> recordMailFailed() {
        return incoming.consumer(FAILED_V1, Delivery.class, (event, failed) -> {
            happened(failed, Registration.Happening.Kind.MAIL_FAILED, failed.failedAt());
            if (Boolean.TRUE.equals(failed.permanent())) {
                unreachable(failed, failed.failedAt(), failed.reason());
            }
        });
    }

    @Bean
    Consumer<Message<byte[]>> recordMailBounced() {
        return incoming.consumer(BOUNCED_V1, Delivery.class, (event, bounced) -> {
            happened(bounced, Registration.Happening.Kind.MAIL_BOUNCED, bounced.bouncedAt());
            if (Boolean.TRUE.equals(bounced.permanent())) {
                unreachable(
                        bounced,
                        bounced.bouncedAt(),
                        bounced.status() + (bounced.diagnostic() == null ? "" : " " + bounced.diagnostic()));
            }
        });
    }

    private void happened(Delivery delivery, Registration.Happening.Kind kind, Instant at) {
        if (delivery.registrationId() == null) {
            return; // a mail about something else
        }
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(delivery.registrationId())),
                new Update()
                        .addToSet("history", new Registration.Happening(at, kind, delivery.kind()))
                        .inc("version", 1),
                Registration.class);
    }

    /** Only when the mail went to the contact, and only if no later mail got through since. */
    private void unreachable(Delivery delivery, Instant at, String reason) {
        if (delivery.registrationId() == null) {
            return;
        }
        mongo.updateFirst(
                Query.query(Criteria.where("_id")
                        .is(delivery.registrationId())
                        .and("contactEmailKey")
                        .is(Registration.emailKey(delivery.recipient()))),
                new Update()
                        .set("contactUnreachable", new Registration.Unreachable(at, reason))
                        .inc("version", 1),
                Registration.class);
    }

    /** This service's reading of EmailSent, EmailFailed and EmailBounced: the fields it uses. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Delivery(
            String messageId,
            String kind,
            String registrationId,
            String recipient,
            String reason,
            String status,
            String diagnostic,
            Boolean permanent,
            Instant sentAt,
            Instant failedAt,
            Instant bouncedAt) {}
}
