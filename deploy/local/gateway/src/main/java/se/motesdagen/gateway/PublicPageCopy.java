package se.motesdagen.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Serves the busiest public page (the day with its programme and form) from a copy kept here for a
 * second, so an anonymous visitor's request never reaches the registration service, and the page is as
 * fast as the gateway alone from the first minute after a start.
 *
 * <p>The page is the same for every anonymous visitor but for its form's CSRF token. The copy is asked
 * of the service with a mark in place of the token ({@code PublicPageCache} of the platform, header
 * {@value #TOKEN_MARK}), and each visitor gets the mark replaced by a token made here the way the
 * service makes its own: the raw token lives in the {@code XSRF-TOKEN} cookie (the visitor's own when it
 * has one, else a new random one, with the cookie set as the service sets it), and the form carries it
 * XOR-masked with fresh random bytes (Spring Security's {@code XorCsrfTokenRequestAttributeHandler}), so
 * the service checks a form from a copy exactly as one from its own page.
 *
 * <p>Only plain anonymous GETs of the listed paths are served from it: no query string, no sign-in (a
 * session here or an Authorization header). The copy is kept per path, language cookie and
 * Accept-Language, and for {@code timeToLive}: a change on the page (a seat freed) shows within that
 * time beside the service's own. When the copy has outlived it, one visitor asks for a new one and the
 * others are served the old meanwhile; with none at all (after a start) the others wait for that one.
 * Anything the service does not answer with a marked 200 page (an error, a page not found, the service
 * away) is passed on to the service as every other request is, and nothing is kept.
 */
class PublicPageCopy extends OncePerRequestFilter {

    /** The same header name as the platform's PublicPageCache reads (the gateway has no platform dependency). */
    static final String TOKEN_MARK = "X-Motesdagen-Token-Mark";

    static final String TOKEN_COOKIE = "XSRF-TOKEN";
    static final String LANGUAGE_COOKIE = "motesdagen-lang";

    /**
     * @param origin the registration service, which owns the pages
     * @param paths the pages, as path patterns; none turns the copy off
     * @param timeToLive how long one copy is served
     */
    @ConfigurationProperties("motesdagen.gateway.page-copy")
    record Properties(
            @DefaultValue("http://localhost:8081") URI origin,
            @DefaultValue List<String> paths,
            @DefaultValue("1s") Duration timeToLive) {}

    /**
     * After Spring Security (order -100), so a copy gets the same headers as a page passed on; before
     * {@link RequestsPerService}, so a copy takes no turn of the service's.
     */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Properties.class)
    static class Registration {

        @Bean
        FilterRegistrationBean<PublicPageCopy> publicPageCopy(
                Properties properties, ObjectProvider<InstantSource> time) {
            PublicPageCopy copy = new PublicPageCopy(properties, time.getIfAvailable(InstantSource::system));
            FilterRegistrationBean<PublicPageCopy> registration = new FilterRegistrationBean<>(copy);
            registration.setOrder(0);
            registration.setEnabled(!copy.isOff());
            return registration;
        }
    }

    /** The page in the bytes around each place the token goes, the headers to answer with and the cookie's form. */
    private record Copy(
            List<byte[]> around, List<Map.Entry<String, String>> headers, String cookie, Instant fetchedAt) {}

    private static final Logger log = LoggerFactory.getLogger(PublicPageCopy.class);
    private static final Duration FIRST_COPY_WAIT = Duration.ofSeconds(5);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);
    /** Copies kept at most: one per page and language is what visitors make; beyond this it starts again. */
    private static final int MOST_COPIES = 256;
    /** What Spring Security's cookie repository takes as a token, and what it makes (a UUID). */
    private static final Pattern PLAIN_TOKEN = Pattern.compile("[A-Za-z0-9-]{16,64}");
    /** A language cookie as the services set it ("sv-SE", "en"); any other is the service's to read. */
    private static final Pattern PLAIN_LANGUAGE = Pattern.compile("[A-Za-z-]{2,20}");
    /** Hop-by-hop and per-answer headers, which are not the page's to repeat; the cookie is made anew. */
    private static final Set<String> NOT_REPEATED = Set.of(
            "connection",
            "content-length",
            "date",
            "keep-alive",
            "set-cookie",
            "transfer-encoding",
            "upgrade",
            ":status");

    private final List<PathPattern> paths;
    private final URI origin;
    private final Duration timeToLive;
    private final InstantSource clock;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();
    /** Asked for instead of a token: a value no page says otherwise, new with every start. */
    private final String mark = "edge-" + UUID.randomUUID().toString().replace("-", "");

    private final Map<String, Copy> copies = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Copy>> underWay = new ConcurrentHashMap<>();
    /** Pages the service last answered with no copy to make, until when they are not asked for again. */
    private final Map<String, Instant> refusedUntil = new ConcurrentHashMap<>();

    private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.MIN);

    PublicPageCopy(Properties properties, InstantSource clock) {
        this.paths = properties.paths().stream()
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
        this.origin = properties.origin();
        this.timeToLive = properties.timeToLive();
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** No pages listed, or no time to live: every request goes on to the service. */
    boolean isOff() {
        return paths.isEmpty() || timeToLive.isZero();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (isOff()
                || !"GET".equals(request.getMethod())
                || request.getQueryString() != null
                || request.getHeader("Authorization") != null
                || request.getRequestedSessionId() != null) {
            return true;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        return paths.stream().noneMatch(pattern -> pattern.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String language = cookie(request, LANGUAGE_COOKIE);
        if (language != null && !PLAIN_LANGUAGE.matcher(language).matches()) {
            chain.doFilter(request, response); // the service says what it makes of that
            return;
        }
        String key = String.join(
                "|",
                request.getScheme(),
                String.valueOf(request.getHeader("Host")),
                request.getRequestURI(),
                String.valueOf(language),
                String.valueOf(request.getHeader("Accept-Language")));
        Instant now = clock.instant();
        Instant refused = refusedUntil.get(key);
        if (refused != null && now.isBefore(refused)) {
            chain.doFilter(request, response); // no copy could be made a moment ago: not asked again at once
            return;
        }
        Copy copy = copies.get(key);
        if (copy != null
                && !now.isBefore(copy.fetchedAt())
                && now.isBefore(copy.fetchedAt().plus(timeToLive))) {
            serve(copy, request, response);
            return;
        }
        CompletableFuture<Copy> mine = new CompletableFuture<>();
        CompletableFuture<Copy> other = underWay.putIfAbsent(key, mine);
        if (other != null) {
            // the copy before while the new one is fetched; when there is none, the new one
            Copy served = copy != null ? copy : awaited(other);
            if (served != null) {
                serve(served, request, response);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        Copy fetched = null;
        try {
            fetched = fetch(request, language, now);
            if (copies.size() >= MOST_COPIES || refusedUntil.size() >= MOST_COPIES) {
                copies.clear();
                refusedUntil.clear();
            }
            if (fetched != null) {
                copies.put(key, fetched);
                refusedUntil.remove(key);
            } else {
                // what the page is now cannot be copied: nobody is served the old one, and for the time a
                // copy would live (from the answer, however long it took) each visitor is passed on
                copies.remove(key);
                refusedUntil.put(key, clock.instant().plus(timeToLive));
            }
        } finally {
            underWay.remove(key, mine);
            mine.complete(fetched);
        }
        if (fetched != null) {
            serve(fetched, request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /**
     * The page as the service would answer this visitor, with the mark where the token goes; null when
     * the service answers anything else, or not at all.
     */
    private Copy fetch(HttpServletRequest request, String language, Instant now) throws IOException {
        HttpResponse<String> answer;
        try {
            answer = http.send(asking(request, language), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted fetching " + request.getRequestURI());
        } catch (IOException | IllegalArgumentException e) {
            log.debug("No copy of {}: {}", request.getRequestURI(), e.toString());
            return null; // passed on as any request is, which answers for a service that is away
        }
        String contentType = answer.headers().firstValue("Content-Type").orElse("");
        String cookie = answer.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(TOKEN_COOKIE + "="))
                .findFirst()
                .orElse(null);
        if (answer.statusCode() != HttpServletResponse.SC_OK
                || !contentType.startsWith("text/html")
                || !answer.body().contains(mark)
                || cookie == null
                || answer.headers().allValues("Set-Cookie").size() != 1) {
            if (answer.statusCode() == HttpServletResponse.SC_OK && contentType.startsWith("text/html")) {
                unexpected(request, cookie == null ? "no token cookie" : "no token mark");
            }
            return null; // an error or a page not found: the service says it again to the visitor
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        answer.headers().map().forEach((name, values) -> {
            if (!NOT_REPEATED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> headers.add(Map.entry(spelled(name), value)));
            }
        });
        List<byte[]> around = Stream.of(answer.body().split(Pattern.quote(mark), -1))
                .map(part -> part.getBytes(StandardCharsets.UTF_8))
                .toList();
        return new Copy(around, headers, cookie, now);
    }

    /** The visitor's request as the service gets it passed on, with the mark, without the visitor's cookies. */
    private HttpRequest asking(HttpServletRequest request, String language) {
        HttpRequest.Builder asking = HttpRequest.newBuilder(origin.resolve(request.getRequestURI()))
                .timeout(FETCH_TIMEOUT)
                .header(TOKEN_MARK, mark)
                .header("X-Forwarded-Proto", request.getScheme())
                .header("X-Forwarded-Port", String.valueOf(request.getServerPort()))
                .header("X-Forwarded-For", request.getRemoteAddr());
        if (request.getHeader("Host") != null) {
            asking.header("X-Forwarded-Host", request.getHeader("Host"));
        }
        if (request.getHeader("Accept-Language") != null) {
            asking.header("Accept-Language", request.getHeader("Accept-Language"));
        }
        if (language != null) {
            asking.header("Cookie", LANGUAGE_COOKIE + "=" + language);
        }
        return asking.GET().build();
    }

    /**
     * The service answered a page, but not as a copy can be made of it: its PublicPageCache is off for
     * the path, or of another version. Said at most once a minute; the visitors get the service's pages.
     */
    private void unexpected(HttpServletRequest request, String why) {
        Instant now = clock.instant();
        Instant last = lastWarning.get();
        if (now.isAfter(last.plus(Duration.ofMinutes(1))) && lastWarning.compareAndSet(last, now)) {
            log.warn(
                    "The service answered {} with {}: no copy is kept, each visitor gets the service's page",
                    request.getRequestURI(),
                    why);
        }
    }

    /** The copy with this visitor's token wherever the mark stood, and its cookie when it had none. */
    private void serve(Copy copy, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = cookie(request, TOKEN_COOKIE);
        if (token == null || !PLAIN_TOKEN.matcher(token).matches()) {
            token = UUID.randomUUID().toString();
            response.addHeader("Set-Cookie", withValue(copy.cookie(), token));
        }
        byte[] masked = masked(token).getBytes(StandardCharsets.US_ASCII);
        int length = masked.length * (copy.around().size() - 1);
        for (byte[] part : copy.around()) {
            length += part.length;
        }
        Set<String> repeated = new HashSet<>();
        for (Map.Entry<String, String> header : copy.headers()) {
            // the service's value replaces the gateway's own (its security headers), and a header the
            // service sent more than once (Vary, Link) is sent with every value, as when passed on
            if (repeated.add(header.getKey())) {
                response.setHeader(header.getKey(), header.getValue());
            } else {
                response.addHeader(header.getKey(), header.getValue());
            }
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(length);
        ServletOutputStream out = response.getOutputStream();
        for (int i = 0; i < copy.around().size(); i++) {
            if (i > 0) {
                out.write(masked);
            }
            out.write(copy.around().get(i));
        }
    }

    /**
     * The raw token as a form carries it: random bytes, then those bytes XOR the token's, Base64 (URL
     * alphabet), which is what Spring Security's XorCsrfTokenRequestAttributeHandler makes and reads back.
     */
    String masked(String token) {
        byte[] raw = token.getBytes(StandardCharsets.UTF_8);
        byte[] combined = new byte[raw.length * 2];
        byte[] mask = new byte[raw.length];
        random.nextBytes(mask);
        for (int i = 0; i < raw.length; i++) {
            combined[i] = mask[i];
            combined[raw.length + i] = (byte) (mask[i] ^ raw[i]);
        }
        return Base64.getUrlEncoder().encodeToString(combined);
    }

    /**
     * A header's name as usually written ({@code content-security-policy} as
     * {@code Content-Security-Policy}): the JDK's client hands them over in lower case. Names are read
     * alike in any case; this keeps the copied page's headers looking as the passed-on page's do.
     */
    static String spelled(String name) {
        StringBuilder spelled = new StringBuilder(name.length());
        boolean start = true;
        for (char c : name.toCharArray()) {
            spelled.append(start ? Character.toUpperCase(c) : c);
            start = c == '-';
        }
        return spelled.toString();
    }

    /** The service's Set-Cookie for its token, with another value: same path, flags and lifetime. */
    static String withValue(String setCookie, String value) {
        int end = setCookie.indexOf(';');
        return TOKEN_COOKIE + "=" + value + (end < 0 ? "" : setCookie.substring(end));
    }

    /** The copy being fetched, or null when it could not be made or takes too long to wait for. */
    private static Copy awaited(CompletableFuture<Copy> fetching) throws IOException {
        try {
            return fetching.get(FIRST_COPY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for the page's copy");
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
