package se.motesdagen.platform.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per client address: at most {@code submissions} POSTs to {@code paths} at once, refilled evenly over
 * {@code period}. Paths are prefixes of the decoded, normalised path within the service.
 */
@ConfigurationProperties("motesdagen.rate-limit")
public record RateLimitProperties(
        List<String> paths,
        @DefaultValue("20") int submissions,
        @DefaultValue("10m") Duration period) {}
