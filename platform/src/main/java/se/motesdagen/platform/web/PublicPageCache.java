package se.motesdagen.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Renders a busy public page (the day with its programme and form) once per language and a second or
 * two, not once per visitor: the page is the same for every anonymous visitor but for the CSRF token in
 * its form, which is put in fresh for each one (and its cookie set as always). Only plain anonymous
 * GETs of the listed paths are served from it: no query string, no staff login, no session. What
 * changes the page (a programme edit, a seat freed) calls {@link #evict()}; anything else shows within
 * the time to live. When a rendering has outlived it, the first visitor renders the page again and the
 * others are served the one before until that is done, so fifty visitors at that moment cost one
 * rendering, not fifty; after an eviction, or a rendering that cannot be kept (an error), nobody is
 * served the old one. When there is none (the first visitors after a start or an eviction), the first
 * renders it and the others wait for that rendering, a few seconds at most, instead of each rendering
 * it too. A rendering begun before an eviction is not kept. Runs after Spring Security, which has made
 * the request's token.
 *
 * <p>An edge in front (the gateway's {@code PublicPageCopy}) may keep the page too and make the tokens
 * itself: it asks with a {@value #TOKEN_MARK} header, and gets the kept page with that header's value
 * wherever the token goes, which it cuts out again, and the token's cookie as any visitor would. Anybody
 * may ask so; they only get a page whose form has no working token.
 */
public class PublicPageCache extends OncePerRequestFilter {

    /** The request header naming what to put where the CSRF token goes, instead of a token. */
    public static final String TOKEN_MARK = "X-Motesdagen-Token-Mark";

    /** A mark is plain: letters, digits, '-' and '_', so nothing is put into a page that could change its meaning. */
    private static final Pattern PLAIN_MARK = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    /**
     * @param paths the pages, as path patterns relative to the context path; none turns the cache off
     * @param timeToLive how long one rendering is served
     */
    @ConfigurationProperties("motesdagen.web.page-cache")
    public record Properties(
            @DefaultValue List<String> paths,
            @DefaultValue("2s") Duration timeToLive) {}

    /** The page in the bytes around each place its CSRF token goes, so serving it encodes only the token. */
    private record Page(List<byte[]> around, String contentType, Locale locale, Instant renderedAt) {}

    private static final Duration FIRST_RENDERING_WAIT = Duration.ofSeconds(5);

    private final List<PathPattern> paths;
    private final Duration timeToLive;
    private final LocaleResolver locales;
    private final Clock clock;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    /**
     * The renderings under way, one per page: meanwhile the others are served the rendering before, or
     * when there is none, wait for this one.
     */
    private final Map<String, CompletableFuture<Page>> underWay = new ConcurrentHashMap<>();
    /** Counts evictions, so a rendering begun before one is not kept after it. */
    private final AtomicLong evictions = new AtomicLong();

    public PublicPageCache(Properties properties, LocaleResolver locales, Clock clock) {
        this.paths = properties.paths().stream()
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
        this.timeToLive = properties.timeToLive();
        this.locales = locales;
        this.clock = clock;
    }

    /** No pages listed, or no time to live: every request renders. */
    boolean isOff() {
        return paths.isEmpty() || timeToLive.isZero();
    }

    /** Forget every rendering: the next visitor of each page renders it again. */
    public void evict() {
        evictions.incrementAndGet();
        pages.clear();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())
                || request.getQueryString() != null
                || request.getHeader("Authorization") != null
                || request.getRequestedSessionId() != null
                || signedIn()) {
            return true;
        }
        PathContainer path = PathContainer.parsePath(pathOf(request));
        return paths.stream().noneMatch(pattern -> pattern.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        String mark = request.getHeader(TOKEN_MARK);
        if (mark != null && !PLAIN_MARK.matcher(mark).matches()) {
            mark = null;
        }
        if (mark != null) {
            // made all the same, so the answer sets the token's cookie as for any visitor: the edge sets
            // its own tokens in that cookie's form (name, path, flags), which stays this service's to say
            token.getToken();
        }
        Locale locale = locales.resolveLocale(request);
        String key = pathOf(request) + "|" + locale.toLanguageTag();
        Instant now = clock.instant();
        Page page = pages.get(key);
        if (page != null
                && !now.isBefore(page.renderedAt())
                && now.isBefore(page.renderedAt().plus(timeToLive))) {
            serve(page, mark != null ? mark : token.getToken(), response);
            return;
        }
        CompletableFuture<Page> mine = new CompletableFuture<>();
        CompletableFuture<Page> other = underWay.putIfAbsent(key, mine);
        if (other != null) {
            // the rendering before while this one is made; when there is none, this one
            Page served = page != null ? page : awaited(other);
            if (served != null) {
                serve(served, mark != null ? mark : token.getToken(), response);
            } else {
                render(key, now, token, null, request, response, chain); // it could not be kept: as if alone
            }
            return;
        }
        Page rendered = null;
        try {
            rendered = render(key, now, token, mark, request, response, chain);
        } finally {
            underWay.remove(key, mine);
            mine.complete(rendered);
        }
    }

    /** The rendering under way, or null when it could not be kept or takes too long to wait for. */
    private static Page awaited(CompletableFuture<Page> rendering) throws IOException {
        try {
            return rendering.get(FIRST_RENDERING_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for the page to be rendered");
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /**
     * Renders the page for this visitor, and keeps the rendering when it can be kept (then returns it);
     * with a mark, the kept page is answered with the mark where the token stood.
     */
    private Page render(
            String key,
            Instant now,
            CsrfToken token,
            String mark,
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain)
            throws ServletException, IOException {
        // the page is rendered with this one token value, which is what gets cut out of it again
        long evictionsBefore = evictions.get();
        String used = token.getToken();
        CsrfToken once = new DefaultCsrfToken(token.getHeaderName(), token.getParameterName(), used);
        request.setAttribute(CsrfToken.class.getName(), once);
        request.setAttribute(once.getParameterName(), once);
        ContentCachingResponseWrapper rendering = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, rendering);
        Page kept = null;
        String html = new String(rendering.getContentAsByteArray(), StandardCharsets.UTF_8);
        if (rendering.getStatus() == HttpServletResponse.SC_OK
                && rendering.getContentType() != null
                && rendering.getContentType().startsWith("text/html")
                && request.getSession(false) == null
                && html.contains(used)) {
            kept = new Page(
                    Stream.of(html.split(Pattern.quote(used), -1))
                            .map(part -> part.getBytes(StandardCharsets.UTF_8))
                            .toList(),
                    rendering.getContentType(),
                    rendering.getLocale(),
                    now);
            pages.put(key, kept);
            if (evictions.get() != evictionsBefore) {
                pages.remove(key, kept); // evicted while rendering: it may show what was before
                kept = null;
            }
        } else {
            // what the page is now cannot be kept (an error, a session): nobody is served the old one either
            pages.remove(key);
        }
        if (kept != null && mark != null) {
            serve(kept, mark, response);
        } else {
            rendering.copyBodyToResponse();
        }
        return kept;
    }

    /** The stored page with this visitor's token wherever the rendering's stood. */
    private static void serve(Page page, String token, HttpServletResponse response) throws IOException {
        byte[] fresh = token.getBytes(StandardCharsets.UTF_8);
        int length = fresh.length * (page.around().size() - 1);
        for (byte[] part : page.around()) {
            length += part.length;
        }
        response.setContentType(page.contentType());
        response.setLocale(page.locale());
        response.setContentLength(length);
        ServletOutputStream out = response.getOutputStream();
        for (int i = 0; i < page.around().size(); i++) {
            if (i > 0) {
                out.write(fresh);
            }
            out.write(page.around().get(i));
        }
    }

    /** Somebody signed in sees pages made for them (the staff menu), never a shared rendering. */
    private static boolean signedIn() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
