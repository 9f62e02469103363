package se.motesdagen.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service opens to the public and how staff log in.
 *
 * @param publicPaths path patterns anyone may use; every other path needs a staff role (fail closed)
 * @param csrfExempt path patterns without CSRF protection (the JSON API, which takes no cookies)
 * @param loginFailures failed staff logins one client may make per {@code loginPeriod} before it must wait
 * @param loginPeriod the period over which those failures are forgiven
 */
@ConfigurationProperties("motesdagen.security")
public record SecurityProperties(
        @DefaultValue List<String> publicPaths,
        @DefaultValue("/api/**") List<String> csrfExempt,
        @DefaultValue("5") int loginFailures,
        @DefaultValue("15m") Duration loginPeriod) {}
