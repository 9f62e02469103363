package se.motesdagen.registration.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import se.motesdagen.registration.support.MutableClock;

class RateLimiterTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2027-06-01T10:00:00Z"));

    @Test
    void aClientGetsItsCapacityThenWaitsForTheBucketToRefill() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(3), clock);

        assertThat(limiter.tryAcquire("a")).isInstanceOf(RateLimiter.Decision.Allowed.class);
        assertThat(limiter.tryAcquire("a")).isInstanceOf(RateLimiter.Decision.Allowed.class);
        assertThat(limiter.tryAcquire("a")).isInstanceOf(RateLimiter.Decision.Allowed.class);
        assertThat(limiter.tryAcquire("a")).isEqualTo(new RateLimiter.Decision.Refused(Duration.ofMinutes(1)));
        assertThat(limiter.tryAcquire("b"))
                .as("another client has its own bucket")
                .isInstanceOf(RateLimiter.Decision.Allowed.class);

        clock.advance(Duration.ofMinutes(1));
        assertThat(limiter.tryAcquire("a")).isInstanceOf(RateLimiter.Decision.Allowed.class);
        assertThat(limiter.tryAcquire("a")).isInstanceOf(RateLimiter.Decision.Refused.class);
    }

    @Test
    void theFilterRefusesTheSubmissionOverTheLimitWith429AndRetryAfterButNeverLimitsReading() throws Exception {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        PublicFormRateLimitFilter filter = new PublicFormRateLimitFilter(clock, messages, 1, Duration.ofMinutes(10));

        assertThat(submit(filter, "POST", "/evenemang/stora-motesdagen-2027").getStatus())
                .isEqualTo(200);
        MockHttpServletResponse refused = submit(filter, "POST", "/evenemang/stora-motesdagen-2027");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("600");
        assertThat(refused.getContentAsString()).contains("För många försök").contains("Vänta 10 minut(er)");

        MockHttpServletResponse api = submit(filter, "POST", "/api/events/stora-motesdagen-2027/registrations");
        assertThat(api.getStatus()).isEqualTo(429);
        assertThat(api.getContentType()).startsWith("application/problem+json");

        assertThat(submit(filter, "GET", "/evenemang/stora-motesdagen-2027").getStatus())
                .isEqualTo(200);
        assertThat(submit(filter, "POST", "/personal/anmalningar").getStatus()).isEqualTo(200);
    }

    private static MockHttpServletResponse submit(PublicFormRateLimitFilter filter, String method, String path)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr("198.51.100.7");
        request.addPreferredLocale(Locale.of("sv", "SE"));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
