package se.motesdagen.notification.mail;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Queues e-mails asked for by events. Queuing is idempotent per event and template. */
@Service
class Mailbox {

    private static final Logger log = LoggerFactory.getLogger(Mailbox.class);

    private final MessageRepository messages;
    private final MailTemplates templates;
    private final Clock clock;
    private final MeterRegistry meters;

    Mailbox(MessageRepository messages, MailTemplates templates, Clock clock, MeterRegistry meters) {
        this.messages = messages;
        this.templates = templates;
        this.clock = clock;
        this.meters = meters;
    }

    /** Renders and stores the message; a second call for the same event and template changes nothing. */
    void queue(
            String eventId,
            String template,
            String registrationId,
            String recipient,
            Locale locale,
            Map<String, Object> model) {
        if (messages.existsById(OutgoingMessage.idFor(eventId, template))) {
            log.debug("Event {} already queued {}; duplicate delivery ignored", eventId, template);
            return;
        }
        MailTemplates.Rendered rendered = templates.render(template, locale, model);
        try {
            messages.insert(new OutgoingMessage(
                    eventId,
                    template,
                    registrationId,
                    recipient,
                    rendered.subject(),
                    rendered.body(),
                    clock.instant()));
            meters.counter("motesdagen.mail.queued", "template", template).increment();
            log.info("Queued {} for registration {} (event {})", template, registrationId, eventId);
        } catch (DuplicateKeyException concurrentDuplicate) {
            log.debug("Event {} queued {} concurrently; duplicate ignored", eventId, template);
        }
    }
}
