package se.motesdagen.notification.jobs;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.motesdagen.notification.mail.MailDispatcher;

/**
 * The queue's pump: what is queued goes out at once (the queue hints the dispatcher), and this poll
 * sends what is due later (retries, a mail server that came back). It runs on every instance: each
 * message is sent under its own fenced lease, so no job lease is needed.
 */
@Component
class MailDispatch {

    private final MailDispatcher dispatcher;

    MailDispatch(MailDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${motesdagen.mail.poll-interval:100ms}")
    void sendDue() {
        dispatcher.sendDue();
    }
}
