package se.motesdagen.platform.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;

/** Health every service reports: its database, by a ping both MongoDB and the embedded server answer. */
@AutoConfiguration
public class HealthAutoConfiguration {

    @Bean("mongoPing")
    MongoPingHealthIndicator mongoPing(MongoOperations mongo) {
        return new MongoPingHealthIndicator(mongo);
    }
}
