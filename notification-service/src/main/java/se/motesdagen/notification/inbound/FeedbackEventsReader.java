package se.motesdagen.notification.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.motesdagen.notification.mail.Letter;
import se.motesdagen.notification.mail.Mailbox;
import se.motesdagen.notification.unsubscribe.Unsubscribes;
import se.motesdagen.platform.messaging.IncomingEvent;
import se.motesdagen.platform.messaging.IncomingEvents;
import tools.jackson.databind.JsonNode;

/**
 * Every e-mail this service sends because of a feedback event (group notification-feedback): the
 * survey invitation and its reminders, each participant's ballot link, and the follow-up report to every
 * participant it names. A survey
 * reminder is a reminder: one who asked for no more reminders does not get it (the invitation they do).
 */
@Configuration(proxyBeanMethods = false)
class FeedbackEventsReader {

    private static final Logger log = LoggerFactory.getLogger(FeedbackEventsReader.class);

    @Bean
    Consumer<Message<byte[]>> sendFeedbackEmails(
            IncomingEvents incoming,
            Mailbox mailbox,
            Unsubscribes unsubscribes,
            MeterRegistry meters,
            SealedLinks links,
            ClearLinkSunset sunset) {
        BiConsumer<IncomingEvent, FeedbackContract.Requested> requested = (event, asked) -> {
            Letter letter = FeedbackLetters.requested(asked);
            if (asked.round() == 0) {
                mailbox.queue(event.id(), letter);
            } else if (unsubscribes.hasUnsubscribed(letter.recipient())) {
                meters.counter("motesdagen.mail.unsubscribed", "template", letter.template())
                        .increment();
                log.info("Survey reminder {} not sent: the recipient asked for no more reminders", event.id());
            } else {
                mailbox.queue(event.id(), letter, unsubscribes.link(letter.recipient()));
            }
        };
        BiConsumer<IncomingEvent, FeedbackContract.VoteOpened> voteOpened =
                (event, opened) -> mailbox.queue(event.id(), FeedbackLetters.voteOpened(opened));
        // v2 carries the survey and ballot links sealed, v1 (still on the topic from before) in clear
        return incoming.routes()
                .on(
                        FeedbackContract.REQUESTED_V1,
                        FeedbackContract.Requested.class,
                        sunset.guard(FeedbackContract.REQUESTED_V1, requested))
                .on(
                        FeedbackContract.REQUESTED_V2,
                        JsonNode.class,
                        links.opening(
                                "invitationId",
                                Map.of("surveyLink", "surveyUrl"),
                                FeedbackContract.Requested.class,
                                requested))
                .on(
                        FeedbackContract.VOTE_OPENED_V1,
                        FeedbackContract.VoteOpened.class,
                        sunset.guard(FeedbackContract.VOTE_OPENED_V1, voteOpened))
                .on(
                        FeedbackContract.VOTE_OPENED_V2,
                        JsonNode.class,
                        links.opening(
                                "ballotId",
                                Map.of("voteLink", "voteUrl"),
                                FeedbackContract.VoteOpened.class,
                                voteOpened))
                .on(
                        FeedbackContract.FOLLOW_UP_PUBLISHED_V1,
                        FeedbackContract.FollowUp.class,
                        (event, report) ->
                                FeedbackLetters.followUp(report).forEach(letter -> mailbox.queue(event.id(), letter)))
                .consumer();
    }
}
