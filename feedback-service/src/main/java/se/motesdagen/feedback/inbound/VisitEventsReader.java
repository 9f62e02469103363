package se.motesdagen.feedback.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.motesdagen.feedback.survey.Invitations;
import se.motesdagen.platform.messaging.IncomingEvents;

/** Reads the visit service's contract ({@code visit.events}): a visit done is a company to ask about it. */
@Configuration(proxyBeanMethods = false)
class VisitEventsReader {

    static final String COMPLETED_V1 = "se.motesdagen.visit.completed.v1";

    /** VisitCompleted → the company's contact is asked what they thought of the visit. */
    @Bean
    Consumer<Message<byte[]>> inviteAfterVisit(IncomingEvents incoming, Invitations invitations) {
        return incoming.routes()
                .on(
                        COMPLETED_V1,
                        Completed.class,
                        (event, completed) -> invitations.afterVisit(
                                completed.visitId(),
                                completed.registrationId(),
                                completed.companyName(),
                                completed.startsAt()))
                .consumer();
    }

    /** This service's reading of {@code visit.completed.v1}: which company to ask, about which visit. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Completed(
            String visitId, String registrationId, String companyName, OffsetDateTime startsAt, Instant completedAt) {}
}
