package se.motesdagen.notification.mail;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;
import se.motesdagen.platform.messaging.IncomingEvents;

/**
 * RegistrationErased (GDPR): what this service holds about the registration's people goes. Mail not yet
 * sent is not sent; the delivery log keeps that a mail of a kind went out when, with its outcome, but
 * not to whom nor what it said; the stored reminders and calendar items go. Idempotent: erasing twice
 * finds nothing the second time.
 */
@Configuration(proxyBeanMethods = false)
class Erasure {

    static final String ERASED_V1 = "se.motesdagen.registration.erased.v1";
    static final String ERASED_RECIPIENT = "[raderad]";
    private static final Logger log = LoggerFactory.getLogger(Erasure.class);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Erased(String registrationId) {}

    @Bean
    Consumer<Message<byte[]>> forgetErasedRegistration(
            IncomingEvents incoming, MongoOperations mongo, Reminders reminders, CalendarMemory calendar) {
        return incoming.consumer(ERASED_V1, Erased.class, (event, erased) -> {
            String id = erased.registrationId();
            Query ofRegistration = Query.query(Criteria.where("registrationId").is(id));
            mongo.updateMulti(
                    Query.query(Criteria.where("registrationId")
                            .is(id)
                            .and("status")
                            .is(OutgoingMessage.Status.PENDING)),
                    new Update()
                            .set("status", OutgoingMessage.Status.SUPPRESSED)
                            .set("lastError", "Inte skickat: anmälan raderades"),
                    OutgoingMessage.class);
            long anonymised = mongo.updateMulti(
                            ofRegistration,
                            new Update()
                                    .set("recipient", ERASED_RECIPIENT)
                                    .set("subject", ERASED_RECIPIENT)
                                    .unset("body")
                                    .unset("html")
                                    .set("attachments", java.util.List.of())
                                    .unset("unsubscribeUrl"),
                            OutgoingMessage.class)
                    .getModifiedCount();
            reminders.forget(id);
            calendar.forgetAll(id);
            log.info(
                    "Registration {} erased: {} messages anonymised, its reminders and calendar items gone",
                    id,
                    anonymised);
        });
    }
}
