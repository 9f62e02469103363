package se.motesdagen.feedback.survey;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.motesdagen.platform.messaging.IncomingEvents;

/** What the survey feature listens to, in one place. */
@Configuration(proxyBeanMethods = false)
class SurveySubscriptions {

    /** VisitCompleted → the company's contact is asked what they thought of the visit. */
    @Bean
    Consumer<Message<byte[]>> inviteAfterVisit(IncomingEvents incoming, Invitations invitations) {
        return incoming.routes()
                .on(VisitCompleted.TYPE, VisitCompleted.class, (event, completed) -> invitations.afterVisit(completed))
                .consumer();
    }
}
