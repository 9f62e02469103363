package se.motesdagen.platform.audit;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import se.motesdagen.platform.scheduling.JobLease;

/**
 * The audit log of a service with a store and staff pages: {@link Audited} handlers write to it, ADMIN
 * reads it on {@code /personal/logg}, and it keeps lines for {@code motesdagen.audit.retention}.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
            "se.motesdagen.platform.scheduling.SchedulingAutoConfiguration",
            "se.motesdagen.platform.web.WebAutoConfiguration"
        })
@ConditionalOnWebApplication
@ConditionalOnBean(MongoOperations.class)
@EnableConfigurationProperties(AuditProperties.class)
@EnableScheduling
public class AuditAutoConfiguration {

    @Bean
    AuditLog auditLog(MongoOperations mongo, Clock clock) {
        return new AuditLog(mongo, clock);
    }

    @Bean
    WebMvcConfigurer auditInterceptor(AuditLog log) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AuditInterceptor(log));
            }
        };
    }

    @Bean
    AuditController auditController(AuditLog log) {
        return new AuditController(log);
    }

    @Bean
    AuditExpiry auditExpiry(AuditLog log, AuditProperties properties, JobLease lease, Clock clock) {
        return new AuditExpiry(log, properties, lease, clock);
    }
}
