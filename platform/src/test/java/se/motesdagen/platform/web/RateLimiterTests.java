package se.motesdagen.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import se.motesdagen.platform.test.MutableClock;

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
        messages.setBasename("platform-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        RateLimitFilter filter = filter(messages, 1);

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

    @Test
    void anEncodedOrDottedPathIsCountedLikeThePlainOne() throws Exception {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("platform-messages");
        messages.setDefaultEncoding("UTF-8");
        RateLimitFilter filter = filter(messages, 1);

        assertThat(submit(filter, "POST", "/api/events/x/registrations").getStatus())
                .isEqualTo(200);
        for (String disguised : new String[] {
            "/%61pi/events/x/registrations",
            "//api/events/x/registrations",
            "/evenemang/../api/events/x/registrations",
            "/api;jsessionid=1/events/x/registrations"
        }) {
            assertThat(submit(filter, "POST", disguised).getStatus())
                    .as(disguised)
                    .isEqualTo(429);
        }
    }

    private RateLimitFilter filter(ResourceBundleMessageSource messages, int submissions) {
        return new RateLimitFilter(
                new RateLimitProperties(List.of("/evenemang/", "/api/"), submissions, Duration.ofMinutes(10)),
                new ApiProperties("/api/", DataSize.ofKilobytes(64)),
                clock,
                messages);
    }

    private static MockHttpServletResponse submit(RateLimitFilter filter, String method, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr("198.51.100.7");
        request.addPreferredLocale(Locale.of("sv", "SE"));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
