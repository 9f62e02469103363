package se.motesdagen.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class PlatformDefaultsTests {

    @Test
    void anApplicationStartedWithThePlatformHasTheSharedSettings() {
        SpringApplication application = new SpringApplication(Nothing.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context =
                application.run("--management.tracing.sampling.probability=0.25")) {
            var environment = context.getEnvironment();
            assertThat(environment.getProperty("spring.cloud.stream.default.consumer.max-attempts"))
                    .isEqualTo("4");
            assertThat(environment.getProperty("management.observations.enable.spring.security"))
                    .isEqualTo("false");
            assertThat(environment.getProperty("server.tomcat.remoteip.internal-proxies"))
                    .isEqualTo("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
            // the command line (as the environment and a service's application.yml) comes before a default
            assertThat(environment.getProperty("management.tracing.sampling.probability"))
                    .isEqualTo("0.25");
        }
    }

    @Test
    void aServicesOwnSettingWinsAndTheDefaultsAreAddedOnce() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(
                        new MapPropertySource("application.yml", Map.of("motesdagen.outbox.full-scan-interval", "5m")));

        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("motesdagen.outbox.full-scan-interval"))
                .isEqualTo("5m");
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("localhost:9092");
        assertThat(environment.getPropertySources().stream()
                        .filter(source -> source.getName().equals(PlatformDefaults.NAME)))
                .hasSize(1);
        assertThat(environment.getPropertySources().stream().toList().getLast().getName())
                .isEqualTo(PlatformDefaults.NAME);
    }

    @Configuration(proxyBeanMethods = false)
    static class Nothing {}
}
