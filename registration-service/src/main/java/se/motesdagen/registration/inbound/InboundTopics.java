package se.motesdagen.registration.inbound;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.motesdagen.platform.messaging.IncomingEvents;

/**
 * One consumer per topic this service reads, each in one consumer group: an event is fetched and read
 * once, not once per reader, and the events about one registration come in the order they were
 * published. What each event means here is in the readers.
 */
@Configuration(proxyBeanMethods = false)
class InboundTopics {

    private final IncomingEvents incoming;
    private final PersonalDataReader personalData;

    InboundTopics(IncomingEvents incoming, PersonalDataReader personalData) {
        this.incoming = incoming;
        this.personalData = personalData;
    }

    @Bean
    Consumer<Message<byte[]>> notificationEvents(NotificationEventsReader mail) {
        return personalData.of(mail.outcomes(incoming.routes()), "notification").consumer();
    }

    @Bean
    Consumer<Message<byte[]>> visitEvents(VisitEventsReader visits) {
        return personalData.of(visits.timeline(incoming.routes()), "visit").consumer();
    }

    @Bean
    Consumer<Message<byte[]>> feedbackEvents(FeedbackEventsReader feedback) {
        return personalData.of(feedback.timeline(incoming.routes()), "feedback").consumer();
    }
}
