package se.motesdagen.notification.mail;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import se.motesdagen.platform.metrics.StoredCount;

/**
 * The mails in the delivery log now, by state, as a gauge: {@code pending} and {@code failed} are the
 * ones an operator watches (a queue that does not drain, mails that gave up).
 */
@Configuration(proxyBeanMethods = false)
class CurrentFigures {

    @Bean
    StoredCount mailsByState(MongoOperations mongo) {
        return new StoredCount(
                "motesdagen.mail.current",
                "Mails in the delivery log now, by state",
                () -> StoredCount.byState(
                        StoredCount.countBy(mongo, OutgoingMessage.class, "status", OutgoingMessage.Status.values())));
    }
}
