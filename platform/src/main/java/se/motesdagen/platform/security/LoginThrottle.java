package se.motesdagen.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.RequestContextUtils;
import se.motesdagen.platform.web.RateLimiter;

/**
 * Slows down password guessing: every rejected staff login costs the client one of a few tokens that
 * come back slowly; a client with none left gets 429 with Retry-After before its password is even
 * checked. Keyed by client address, not user name, so nobody can lock the real staff out by failing on
 * purpose from elsewhere.
 */
class LoginThrottle extends OncePerRequestFilter implements AuthenticationEntryPoint {

    private final RateLimiter failures;
    private final Duration period;
    private final int allowed;
    private final MessageSource messages;
    private final BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();

    LoginThrottle(SecurityProperties security, Clock clock, MessageSource messages) {
        this.failures = new RateLimiter(security.loginFailures(), security.loginPeriod(), clock);
        this.period = security.loginPeriod();
        this.allowed = security.loginFailures();
        this.messages = messages;
        challenge.setRealmName("Mötesdagen personal");
        challenge.afterPropertiesSet();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (failures.isExhausted(request.getRemoteAddr())) {
            long minutes = Math.max(1, period.toMinutes() / allowed);
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(minutes * 60));
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentType("text/plain");
            response.getWriter()
                    .write(messages.getMessage(
                            "login.throttled", new Object[] {minutes}, RequestContextUtils.getLocale(request)));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Asked for credentials, or given wrong ones: a wrong one costs a token. */
    @Override
    public void commence(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
            throws IOException {
        if (!shouldNotFilter(request)) {
            failures.tryAcquire(request.getRemoteAddr());
        }
        challenge.commence(request, response, authException);
    }
}
