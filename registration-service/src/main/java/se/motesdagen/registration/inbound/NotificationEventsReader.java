package se.motesdagen.registration.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.springframework.stereotype.Component;
import se.motesdagen.platform.messaging.IncomingEvent;
import se.motesdagen.platform.messaging.IncomingEvents;
import se.motesdagen.registration.overview.MailOutcomes;
import se.motesdagen.registration.overview.Timeline;
import se.motesdagen.registration.signup.Registration.Happening.Kind;

/**
 * Reads the notification service's contract ({@code notification.events}): what became of each mail
 * about a registration goes on its timeline, and a mail to the contact refused for good marks the
 * contact as unreachable. A mail about something else (no registration) is skipped.
 */
@Component
class NotificationEventsReader {

    static final String SENT_V1 = "se.motesdagen.notification.email-sent.v1";
    static final String FAILED_V1 = "se.motesdagen.notification.email-failed.v1";
    static final String BOUNCED_V1 = "se.motesdagen.notification.email-bounced.v1";

    private final MailOutcomes outcomes;
    private final Timeline timeline;

    NotificationEventsReader(MailOutcomes outcomes, Timeline timeline) {
        this.outcomes = outcomes;
        this.timeline = timeline;
    }

    /** The three outcomes of a mail, added to the one consumer of the topic ({@link InboundTopics}). */
    IncomingEvents.Routes outcomes(IncomingEvents.Routes routes) {
        return routes.on(SENT_V1, Delivery.class, (event, sent) -> {
                    if (sent.registrationId() != null) {
                        timeline.happened(sent.registrationId(), Kind.MAIL_SENT, sent.kind(), sent.sentAt());
                    }
                })
                .on(FAILED_V1, Delivery.class, this::failed)
                .on(BOUNCED_V1, Delivery.class, this::bounced);
    }

    private void failed(IncomingEvent event, Delivery failed) {
        if (failed.registrationId() == null) {
            return;
        }
        timeline.happened(failed.registrationId(), Kind.MAIL_FAILED, failed.kind(), failed.failedAt());
        if (Boolean.TRUE.equals(failed.permanent())) {
            outcomes.unreachable(failed.registrationId(), failed.recipient(), failed.failedAt(), failed.reason());
        }
    }

    private void bounced(IncomingEvent event, Delivery bounced) {
        if (bounced.registrationId() == null) {
            return;
        }
        timeline.happened(bounced.registrationId(), Kind.MAIL_BOUNCED, bounced.kind(), bounced.bouncedAt());
        if (Boolean.TRUE.equals(bounced.permanent())) {
            outcomes.unreachable(
                    bounced.registrationId(),
                    bounced.recipient(),
                    bounced.bouncedAt(),
                    bounced.status() + (bounced.diagnostic() == null ? "" : " " + bounced.diagnostic()));
        }
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
