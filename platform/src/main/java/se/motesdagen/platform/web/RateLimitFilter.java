package se.motesdagen.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.HtmlUtils;

/**
 * Limits how often one client may submit the public forms and the JSON API (POST only; reading pages
 * is never limited). The path is the decoded, normalised one ({@link RequestPaths}), so an encoded or
 * dotted path is counted like the plain one. The client is the remote address, which Tomcat takes from
 * {@code X-Forwarded-For} only when the request came from a configured proxy
 * ({@code server.tomcat.remoteip.internal-proxies}); anyone else's header is ignored. A refusal is 429
 * with Retry-After and a message a person understands.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final RateLimitProperties limits;
    private final ApiProperties api;
    private final MessageSource messages;

    RateLimitFilter(RateLimitProperties limits, ApiProperties api, Clock clock, MessageSource messages) {
        this.limiter = new RateLimiter(limits.submissions(), limits.period(), clock);
        this.limits = limits;
        this.api = api;
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"POST".equalsIgnoreCase(request.getMethod())) {
            return true;
        }
        String path = RequestPaths.normalised(request);
        return limits.paths().stream().noneMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        switch (limiter.tryAcquire(request.getRemoteAddr())) {
            case RateLimiter.Decision.Allowed allowed -> chain.doFilter(request, response);
            case RateLimiter.Decision.Refused(Duration retryAfter) -> refuse(request, response, retryAfter);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Duration retryAfter)
            throws IOException {
        long seconds = Math.max(1, retryAfter.toSeconds());
        long minutes = Math.max(1, (seconds + 59) / 60);
        String text =
                messages.getMessage("rateLimit.text", new Object[] {minutes}, RequestContextUtils.getLocale(request));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", String.valueOf(seconds));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (api.covers(RequestPaths.normalised(request))) {
            Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, text);
        } else {
            String title = messages.getMessage("rateLimit.title", null, RequestContextUtils.getLocale(request));
            response.setContentType("text/html");
            response.getWriter()
                    .write("<!DOCTYPE html><html lang=\""
                            + RequestContextUtils.getLocale(request).getLanguage()
                            + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                            + "<title>" + HtmlUtils.htmlEscape(title, "UTF-8")
                            + "</title><link rel=\"stylesheet\" href=\"/css/app.css\"></head>"
                            + "<body><main id=\"main\"><h1>" + HtmlUtils.htmlEscape(title, "UTF-8") + "</h1><p>"
                            + HtmlUtils.htmlEscape(text, "UTF-8")
                            + "</p></main></body></html>");
        }
    }
}
