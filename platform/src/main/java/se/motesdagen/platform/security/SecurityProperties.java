package se.motesdagen.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service opens to the public.
 *
 * @param publicPaths path patterns anyone may use; every other path needs a staff role (fail closed)
 * @param csrfExempt path patterns without CSRF protection (the JSON API, which takes no cookies)
 */
@ConfigurationProperties("motesdagen.security")
public record SecurityProperties(
        @DefaultValue List<String> publicPaths,
        @DefaultValue("/api/**") List<String> csrfExempt) {}
