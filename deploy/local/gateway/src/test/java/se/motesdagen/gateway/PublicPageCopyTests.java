package se.motesdagen.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The day's page served from the gateway's copy, against a stub registration service that answers a
 * request with the token mark as the platform's PublicPageCache does, and any other with what it got:
 * each visitor gets a token the service's own CSRF check accepts, and everything that is not a plain
 * anonymous view of the page reaches the service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@Import({GatewayRoutingTests.Provider.class, PublicPageCopyTests.Time.class})
class PublicPageCopyTests {

    static final String SERVICE_COOKIE = "XSRF-TOKEN=service-made; Path=/; HttpOnly; SameSite=Lax";
    static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    /** What reached the stub service: "copy" for a request with the mark, "passed" for any other, with its path and cookie. */
    static final Queue<String> SEEN = new ConcurrentLinkedQueue<>();

    static final HttpServer SERVICE = service();

    static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2027-06-01T10:00:00Z"));

    @TestConfiguration(proxyBeanMethods = false)
    static class Time {

        @Bean
        InstantSource time() {
            return NOW::get;
        }
    }

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        GatewayRoutingTests.everyRouteTo(SERVICE, registry);
    }

    @AfterAll
    static void stopService() {
        SERVICE.stop(0);
    }

    @LocalServerPort
    int port;

    @Autowired
    PublicPageCopy.Properties properties;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void aNewSecond() {
        NOW.updateAndGet(now -> now.plus(properties.timeToLive()).plusSeconds(60)); // every copy has run out
        SEEN.clear();
    }

    @Test
    void visitorsShareOneCopyEachWithATokenOfItsOwnThatTheServiceAccepts() throws Exception {
        HttpResponse<String> first = get("/evenemang/dagen", Map.of());
        HttpResponse<String> second = get("/evenemang/dagen", Map.of());

        assertThat(SEEN).containsExactly("copy /evenemang/dagen cookie=null");
        for (HttpResponse<String> visit : List.of(first, second)) {
            assertThat(visit.statusCode()).isEqualTo(200);
            assertThat(visit.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'self'");
            assertThat(visit.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
            assertThat(visit.headers().allValues("Vary"))
                    .as("a header the service sends twice is repeated twice")
                    .containsExactly("Accept-Language", "Cookie");
            assertThat(visit.body())
                    .startsWith("<!DOCTYPE html><p>Välkommen</p>")
                    .doesNotContain("edge-");
            String cookie = visit.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).matches("XSRF-TOKEN=[0-9a-f-]{36}; Path=/; HttpOnly; SameSite=Lax");
            String raw = cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';'));
            List<String> masked = formTokens(visit.body());
            assertThat(masked).hasSize(2);
            assertThat(masked)
                    .allSatisfy(token -> assertThat(acceptedAs(token, raw)).isEqualTo(raw));
            assertThat(visit.headers().firstValueAsLong("Content-Length"))
                    .hasValue(visit.body().getBytes(StandardCharsets.UTF_8).length);
        }
        assertThat(cookieValue(first)).as("each visitor its own token").isNotEqualTo(cookieValue(second));
        assertThat(formTokens(first.body()).getFirst())
                .as("one token wherever the page has one, as on the service's own page")
                .isEqualTo(formTokens(first.body()).getLast());
    }

    @Test
    void aVisitorWithATokenKeepsItAndGetsNoNewCookie() throws Exception {
        String raw = UUID.randomUUID().toString();

        HttpResponse<String> visit = get("/evenemang/dagen", Map.of("Cookie", "XSRF-TOKEN=" + raw));

        assertThat(visit.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(formTokens(visit.body()))
                .allSatisfy(token -> assertThat(acceptedAs(token, raw)).isEqualTo(raw));
        HttpResponse<String> again = get("/evenemang/dagen", Map.of("Cookie", "XSRF-TOKEN=" + raw));
        assertThat(formTokens(again.body()).getFirst())
                .as("the same token masked afresh for each page, so no two pages carry the same bytes for it")
                .isNotEqualTo(formTokens(visit.body()).getFirst());
        assertThat(acceptedAs(formTokens(again.body()).getFirst(), raw)).isEqualTo(raw);

        HttpResponse<String> forged = get("/evenemang/dagen", Map.of("Cookie", "XSRF-TOKEN=<b>"));
        assertThat(forged.headers().firstValue("Set-Cookie"))
                .as("a cookie that is no token is replaced")
                .hasValueSatisfying(cookie -> assertThat(cookie).matches("XSRF-TOKEN=[0-9a-f-]{36};.*"));
    }

    @Test
    void aCopyLivesItsTimeToLivePerPageAndLanguage() throws Exception {
        get("/evenemang/dagen", Map.of());
        NOW.updateAndGet(now -> now.plus(properties.timeToLive()).minusMillis(1));
        get("/evenemang/dagen", Map.of());
        assertThat(SEEN).as("within its time to live").hasSize(1);

        NOW.updateAndGet(now -> now.plusMillis(1));
        get("/evenemang/dagen", Map.of());
        assertThat(SEEN).as("after it").hasSize(2);

        get("/evenemang/dagen", Map.of("Cookie", "motesdagen-lang=en"));
        get("/evenemang/dagen", Map.of("Cookie", "motesdagen-lang=en; XSRF-TOKEN=" + UUID.randomUUID()));
        get("/evenemang/annan-dag", Map.of());
        assertThat(SEEN)
                .as("the language and the page, each a copy of its own; the visitor's token never sent")
                .containsExactly(
                        "copy /evenemang/dagen cookie=null",
                        "copy /evenemang/dagen cookie=null",
                        "copy /evenemang/dagen cookie=motesdagen-lang=en",
                        "copy /evenemang/annan-dag cookie=null");
    }

    @Test
    void signInsQueriesOtherPathsAndAnythingNotAPageGoToTheService() throws Exception {
        assertThat(get("/evenemang/dagen?lang=en", Map.of()).body()).startsWith("passed");
        assertThat(get("/evenemang/dagen", Map.of("Authorization", "Bearer x")).body())
                .startsWith("passed");
        assertThat(get("/evenemang/dagen", Map.of("Cookie", "MOTESDAGEN_SESSION=abc"))
                        .body())
                .startsWith("passed");
        assertThat(get("/evenemang/dagen/tack", Map.of()).body()).startsWith("passed");
        assertThat(get("/evenemang/dagen", Map.of("Cookie", "motesdagen-lang=\"x;y\""))
                        .body())
                .startsWith("passed");
        HttpResponse<String> broken = get("/evenemang/trasig", Map.of());
        assertThat(broken.statusCode()).as("the service's own answer").isEqualTo(500);
        assertThat(broken.body()).startsWith("passed");
        HttpResponse<String> posted = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/evenemang/dagen"))
                        .POST(HttpRequest.BodyPublishers.ofString("a=b"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.body()).startsWith("passed");

        assertThat(SEEN)
                .containsExactly(
                        "passed /evenemang/dagen cookie=null",
                        "passed /evenemang/dagen cookie=null",
                        "passed /evenemang/dagen cookie=MOTESDAGEN_SESSION=abc",
                        "passed /evenemang/dagen/tack cookie=null",
                        "passed /evenemang/dagen cookie=motesdagen-lang=\"x;y\"",
                        "copy /evenemang/trasig cookie=null",
                        "passed /evenemang/trasig cookie=null",
                        "passed /evenemang/dagen cookie=null");
        get("/evenemang/trasig", Map.of());
        assertThat(SEEN)
                .as("for the time a copy would live, not asked for a copy again")
                .filteredOn(s -> s.startsWith("copy /evenemang/trasig"))
                .hasSize(1);
        NOW.updateAndGet(now -> now.plus(properties.timeToLive()));
        get("/evenemang/trasig", Map.of());
        assertThat(SEEN)
                .as("then asked again: an error is not kept")
                .filteredOn(s -> s.startsWith("copy /evenemang/trasig"))
                .hasSize(2);
    }

    @Test
    void aMarkedPageWithoutTheTokensCookieIsNotCopied() throws Exception {
        HttpResponse<String> visit = get("/evenemang/utan-kaka", Map.of());

        assertThat(visit.body()).as("the gateway cannot say the cookie's form").startsWith("passed");
        assertThat(SEEN)
                .containsExactly("copy /evenemang/utan-kaka cookie=null", "passed /evenemang/utan-kaka cookie=null");
    }

    @Test
    void headerNamesAreWrittenAsUsualThoughTheClientReadsThemInLowerCase() {
        assertThat(PublicPageCopy.spelled("content-security-policy")).isEqualTo("Content-Security-Policy");
        assertThat(PublicPageCopy.spelled("vary")).isEqualTo("Vary");
        assertThat(PublicPageCopy.spelled("X-Frame-Options")).isEqualTo("X-Frame-Options");
    }

    /** What the service's CSRF check reads the form's token as, given the raw token of the cookie. */
    private static String acceptedAs(String formToken, String raw) {
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/evenemang/dagen");
        post.setParameter("_csrf", formToken);
        return new XorCsrfTokenRequestAttributeHandler()
                .resolveCsrfTokenValue(post, new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", raw));
    }

    private static List<String> formTokens(String body) {
        Matcher tokens = FORM_TOKEN.matcher(body);
        return tokens.results().map(m -> m.group(1)).toList();
    }

    private static String cookieValue(HttpResponse<String> response) {
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpServer service() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", PublicPageCopyTests::answer);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As the registration service: a marked page to a request with the mark, else what it got. */
    private static void answer(HttpExchange exchange) throws IOException {
        String mark = exchange.getRequestHeaders().getFirst(PublicPageCopy.TOKEN_MARK);
        String path = exchange.getRequestURI().getRawPath();
        String cookie = exchange.getRequestHeaders().getFirst("Cookie");
        boolean copy = mark != null && "GET".equals(exchange.getRequestMethod());
        SEEN.add((copy ? "copy " : "passed ") + path + " cookie=" + cookie);
        int status = path.equals("/evenemang/trasig") ? 500 : 200;
        String body = copy && status == 200
                ? "<!DOCTYPE html><p>Välkommen</p><form><input type=\"hidden\" name=\"_csrf\" value=\"" + mark
                        + "\"></form><form><input type=\"hidden\" name=\"_csrf\" value=\"" + mark + "\"></form>"
                : "passed " + path;
        exchange.getResponseHeaders().add("Content-Type", "text/html;charset=UTF-8");
        exchange.getResponseHeaders().add("Content-Security-Policy", "default-src 'self'");
        exchange.getResponseHeaders().add("Vary", "Accept-Language");
        exchange.getResponseHeaders().add("Vary", "Cookie");
        if (!path.equals("/evenemang/utan-kaka")) {
            exchange.getResponseHeaders().add("Set-Cookie", SERVICE_COOKIE);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
