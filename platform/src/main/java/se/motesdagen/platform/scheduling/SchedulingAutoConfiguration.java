package se.motesdagen.platform.scheduling;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;

/** The lease that keeps a scheduled job to one instance at a time. */
@AutoConfiguration
public class SchedulingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JobLease jobLease(MongoOperations mongo, Clock clock) {
        return new JobLease(mongo, clock);
    }
}
