package se.motesdagen.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import se.motesdagen.platform.test.MutableClock;

/** One rendering serves many anonymous visitors, each with its own CSRF token; nobody else is served from it. */
class PublicPageCacheTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2027-06-01T10:00:00Z"));
    private final PublicPageCache cache = new PublicPageCache(
            new PublicPageCache.Properties(List.of("/evenemang/*"), Duration.ofSeconds(2)),
            new FixedLocaleResolver(Locale.of("sv", "SE")),
            clock);
    private final AtomicInteger renders = new AtomicInteger();
    private final AtomicInteger tokens = new AtomicInteger();
    private final List<CsrfToken> made = new CopyOnWriteArrayList<>();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSecondVisitorGetsTheSameBytesWithItsOwnTokenWhereverTheTokenStood() throws Exception {
        MockHttpServletResponse first = visit(page("/evenemang/dagen"));
        MockHttpServletResponse second = visit(page("/evenemang/dagen"));

        assertThat(renders).hasValue(1);
        assertThat(first.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("<form>token-1 Ö</form><meta content=\"token-1\">");
        assertThat(second.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("<form>token-2 Ö</form><meta content=\"token-2\">");
        assertThat(second.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(second.getContentLength()).isEqualTo(second.getContentAsByteArray().length);
        assertThat(second.getLocale()).isEqualTo(Locale.of("sv", "SE"));
    }

    @Test
    void anEdgeThatAsksWithAMarkGetsTheKeptPageWithTheMarkWhereverTheTokenStood() throws Exception {
        String mark = "edge-Mark_0123456789";
        MockHttpServletRequest edge = page("/evenemang/dagen");
        edge.addHeader(PublicPageCache.TOKEN_MARK, mark);
        MockHttpServletResponse rendered = visit(edge);
        MockHttpServletResponse visitor = visit(page("/evenemang/dagen"));
        MockHttpServletRequest again = page("/evenemang/dagen");
        again.addHeader(PublicPageCache.TOKEN_MARK, mark);
        MockHttpServletResponse servedFromKept = visit(again);

        assertThat(renders).hasValue(1);
        assertThat(rendered.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("<form>" + mark + " Ö</form><meta content=\"" + mark + "\">");
        assertThat(rendered.getContentLength()).isEqualTo(rendered.getContentAsByteArray().length);
        assertThat(visitor.getContentAsString(StandardCharsets.UTF_8))
                .as("a visitor after it gets a working token")
                .isEqualTo("<form>token-2 Ö</form><meta content=\"token-2\">");
        assertThat(servedFromKept.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("<form>" + mark + " Ö</form><meta content=\"" + mark + "\">");
        assertThat(made)
                .as("the token is made all the same, so its cookie is set: the edge copies the cookie's form")
                .contains((CsrfToken) again.getAttribute(CsrfToken.class.getName()));
    }

    @Test
    void aMarkThatIsNotPlainIsIgnored() throws Exception {
        for (String mark : List.of("\"><script>alert(1)</script>", "kort", "a".repeat(65))) {
            MockHttpServletRequest asked = page("/evenemang/dagen");
            asked.addHeader(PublicPageCache.TOKEN_MARK, mark);
            String token = ((CsrfToken) asked.getAttribute(CsrfToken.class.getName())).getToken();
            assertThat(visit(asked).getContentAsString(StandardCharsets.UTF_8))
                    .isEqualTo("<form>" + token + " Ö</form><meta content=\"" + token + "\">");
        }
    }

    @Test
    void aMarkGoesOnlyIntoAPageThatCouldBeKept() throws Exception {
        MockHttpServletRequest failing = page("/evenemang/dagen");
        failing.addHeader(PublicPageCache.TOKEN_MARK, "edge-Mark_0123456789");
        assertThat(visit(failing, HttpServletResponse.SC_INTERNAL_SERVER_ERROR)
                        .getContentAsString(StandardCharsets.UTF_8))
                .as("an error is answered as rendered, with its own token, so the edge keeps nothing")
                .contains("token-1")
                .doesNotContain("edge-Mark");
    }

    @Test
    void aRenderingLivesItsTimeToLiveOrUntilEvicted() throws Exception {
        visit(page("/evenemang/dagen"));
        clock.advance(Duration.ofMillis(1999));
        visit(page("/evenemang/dagen"));
        assertThat(renders).as("within the time to live").hasValue(1);

        clock.advance(Duration.ofMillis(1));
        visit(page("/evenemang/dagen"));
        assertThat(renders).as("after it").hasValue(2);

        cache.evict();
        visit(page("/evenemang/dagen"));
        assertThat(renders).as("after an eviction").hasValue(3);
        visit(page("/evenemang/annan-dag"));
        assertThat(renders).as("another page is another rendering").hasValue(4);
    }

    @Test
    void whileOneVisitorRendersAnOutlivedPageAgainTheOthersGetTheRenderingBefore() throws Exception {
        visit(page("/evenemang/dagen"));
        clock.advance(Duration.ofSeconds(3));
        List<String> servedMeanwhile = new ArrayList<>();

        // the second visitor renders again; while it does, a third and a fourth come
        MockHttpServletResponse renewing = visit(page("/evenemang/dagen"), HttpServletResponse.SC_OK, () -> {
            for (int i = 0; i < 2; i++) {
                servedMeanwhile.add(visit(page("/evenemang/dagen")).getContentAsString(StandardCharsets.UTF_8));
            }
        });

        assertThat(renders).as("one rendering again, not three").hasValue(2);
        assertThat(servedMeanwhile)
                .containsExactly(
                        "<form>token-3 Ö</form><meta content=\"token-3\">",
                        "<form>token-4 Ö</form><meta content=\"token-4\">");
        assertThat(renewing.getContentAsString(StandardCharsets.UTF_8)).contains("token-2");
        assertThat(visit(page("/evenemang/dagen")).getContentAsString(StandardCharsets.UTF_8))
                .as("served from the new rendering")
                .contains("token-5");
        assertThat(renders).hasValue(2);

        cache.evict();
        clock.advance(Duration.ofSeconds(3));
        List<CompletableFuture<MockHttpServletResponse>> waited = new ArrayList<>();
        visit(page("/evenemang/dagen"), HttpServletResponse.SC_OK, () -> waited.add(visitorWhoWaits()));
        assertThat(renders)
                .as("after an eviction nobody gets the old page: the one who came meanwhile waited for the new")
                .hasValue(3);
        assertThat(waited.getFirst().get().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("<form>token-7 Ö</form><meta content=\"token-7\">");
    }

    @Test
    void theFirstVisitorsAfterAStartWaitForOneRenderingEachServedWithItsOwnToken() throws Exception {
        List<CompletableFuture<MockHttpServletResponse>> waited = new ArrayList<>();

        visit(page("/evenemang/dagen"), HttpServletResponse.SC_OK, () -> {
            waited.add(visitorWhoWaits());
            waited.add(visitorWhoWaits());
        });

        assertThat(waited.get(0).get().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("<form>token-2 Ö</form><meta content=\"token-2\">");
        assertThat(waited.get(1).get().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("<form>token-3 Ö</form><meta content=\"token-3\">");
        assertThat(renders).as("one rendering, not three").hasValue(1);
    }

    @Test
    void whenTheFirstRenderingCannotBeKeptThoseWhoWaitedRenderThemselves() throws Exception {
        List<CompletableFuture<MockHttpServletResponse>> waited = new ArrayList<>();

        visit(
                page("/evenemang/dagen"),
                HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                () -> waited.add(visitorWhoWaits()));

        assertThat(waited.getFirst().get().getContentAsString(StandardCharsets.UTF_8))
                .as("rendered for itself, not served the error")
                .isEqualTo("<form>token-2 Ö</form><meta content=\"token-2\">");
        assertThat(renders).hasValue(2);
    }

    @Test
    void aRenderingBegunBeforeAnEvictionIsNotKept() throws Exception {
        visit(page("/evenemang/dagen"), HttpServletResponse.SC_OK, cache::evict); // a seat freed meanwhile
        visit(page("/evenemang/dagen"));
        assertThat(renders).as("rendered again after the eviction").hasValue(2);
        visit(page("/evenemang/dagen"));
        assertThat(renders).as("and that rendering is kept").hasValue(2);
    }

    @Test
    void anOutlivedPageWhoseNewRenderingFailsIsServedToNobodyAfterIt() throws Exception {
        visit(page("/evenemang/dagen"));
        clock.advance(Duration.ofSeconds(3));
        visit(page("/evenemang/dagen"), HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        List<CompletableFuture<MockHttpServletResponse>> waited = new ArrayList<>();

        // the next visitor renders, and fails again; one who comes meanwhile is not given the old page
        visit(
                page("/evenemang/dagen"),
                HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                () -> waited.add(visitorWhoWaits()));

        assertThat(waited.getFirst().get().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("<form>token-4 Ö</form><meta content=\"token-4\">");
        assertThat(renders).as("the one who came meanwhile rendered too").hasValue(4);
    }

    @Test
    void queriesLoginsSessionsOtherPathsAndFailuresAreAlwaysRendered() throws Exception {
        List<Supplier<MockHttpServletRequest>> uncached = List.of(
                () -> {
                    MockHttpServletRequest query = page("/evenemang/dagen");
                    query.setQueryString("lang=en");
                    return query;
                },
                () -> {
                    MockHttpServletRequest basic = page("/evenemang/dagen");
                    basic.addHeader("Authorization", "Basic cGVyc29uYWw6eA==");
                    return basic;
                },
                () -> {
                    MockHttpServletRequest session = page("/evenemang/dagen");
                    session.setRequestedSessionId("abc");
                    return session;
                },
                () -> page("/evenemang/dagen/tack"),
                () -> {
                    MockHttpServletRequest post = page("/evenemang/dagen");
                    post.setMethod("POST");
                    return post;
                });
        for (var request : uncached) {
            visit(request.get());
            visit(request.get());
        }
        visit(page("/evenemang/dagen"));
        visit(page("/evenemang/dagen"));
        assertThat(renders).as("each of them twice, then the plain page once").hasValue(11);
        cache.evict();

        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "personal", null, AuthorityUtils.createAuthorityList("ROLE_STAFF")));
        visit(page("/evenemang/dagen"));
        visit(page("/evenemang/dagen"));
        assertThat(renders).as("staff signed in").hasValue(13);
        SecurityContextHolder.clearContext();

        visit(page("/evenemang/dagen"), HttpServletResponse.SC_NOT_FOUND);
        visit(page("/evenemang/dagen"));
        assertThat(renders).as("a 404 is not kept").hasValue(15);
    }

    /**
     * A page request with its token as Spring Security gives it: made (and its cookie set) only when read,
     * which {@link #made} records.
     */
    private MockHttpServletRequest page(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        String value = "token-" + tokens.incrementAndGet();
        request.setAttribute(CsrfToken.class.getName(), new CsrfToken() {
            @Override
            public String getHeaderName() {
                return "X-XSRF-TOKEN";
            }

            @Override
            public String getParameterName() {
                return "_csrf";
            }

            @Override
            public String getToken() {
                made.add(this);
                return value;
            }
        });
        return request;
    }

    private MockHttpServletResponse visit(MockHttpServletRequest request) throws Exception {
        return visit(request, HttpServletResponse.SC_OK);
    }

    private MockHttpServletResponse visit(MockHttpServletRequest request, int status) throws Exception {
        return visit(request, status, () -> {});
    }

    /**
     * Through the cache to a page that renders its request's token twice, as a form and a meta tag would;
     * {@code meanwhile} runs while it renders.
     */
    private MockHttpServletResponse visit(MockHttpServletRequest request, int status, Meanwhile meanwhile)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        cache.doFilter(request, response, new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
                renders.incrementAndGet();
                try {
                    meanwhile.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                String token = ((CsrfToken) req.getAttribute(CsrfToken.class.getName())).getToken();
                res.setStatus(status);
                res.setContentType("text/html;charset=UTF-8");
                res.setLocale(Locale.of("sv", "SE"));
                res.getOutputStream()
                        .write(("<form>" + token + " Ö</form><meta content=\"" + token + "\">")
                                .getBytes(StandardCharsets.UTF_8));
            }
        }));
        return response;
    }

    /** Another visitor of the page, in a thread of its own, once it waits for the rendering under way. */
    private CompletableFuture<MockHttpServletResponse> visitorWhoWaits() {
        MockHttpServletRequest request = page("/evenemang/dagen");
        CompletableFuture<MockHttpServletResponse> served = new CompletableFuture<>();
        Thread visitor = new Thread(() -> {
            try {
                served.complete(visit(request));
            } catch (Throwable e) {
                served.completeExceptionally(e);
            }
        });
        visitor.start();
        while (visitor.getState() != Thread.State.TIMED_WAITING && !served.isDone()) {
            Thread.onSpinWait();
        }
        return served;
    }

    /** What other visitors do while one renders. */
    private interface Meanwhile {
        void run() throws Exception;
    }
}
