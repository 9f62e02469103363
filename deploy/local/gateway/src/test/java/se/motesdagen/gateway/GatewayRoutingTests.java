package se.motesdagen.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The routes of application.yml against stub services that echo what reached them: each path goes to
 * its owner unchanged, the public address travels in X-Forwarded-* headers, and form bodies arrive
 * whole.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@AutoConfigureMockMvc
@Import(GatewayRoutingTests.Provider.class)
class GatewayRoutingTests {

    /** The identity provider as the gateway would discover it, without asking one at start. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Provider {

        @Bean
        ClientRegistrationRepository clients() {
            return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId("motesdagen")
                    .clientId("motesdagen")
                    .clientSecret("hemligt")
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope("openid", "profile", "email")
                    .authorizationUri("http://idp.test/oauth2/authorize")
                    .tokenUri("http://idp.test/oauth2/token")
                    .jwkSetUri("http://idp.test/oauth2/jwks")
                    .userNameAttributeName("sub")
                    .providerConfigurationMetadata(Map.of("end_session_endpoint", "http://idp.test/connect/logout"))
                    .build());
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository clients;

    static final HttpServer UPSTREAM = echoServer();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        everyRouteTo(UPSTREAM, registry);
    }

    /** Every route of application.yml to this one stub server. */
    static void everyRouteTo(HttpServer upstream, DynamicPropertyRegistry registry) {
        String base = "http://127.0.0.1:" + upstream.getAddress().getPort();
        for (String route : List.of("REGISTRATION_URL", "VISIT_URL", "NOTIFICATION_URL", "FEEDBACK_URL", "INBOX_URL")) {
            registry.add(route, () -> base);
        }
    }

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.stop(0);
    }

    @Test
    void eachPathReachesItsServiceUnchanged() throws Exception {
        assertThat(get("/besok/svar?token=t")).contains("path=/besok/svar");
        assertThat(get("/utskick/avregistrera")).contains("path=/utskick/avregistrera");
        assertThat(get("/aterkoppling/enkat"))
                .contains("path=/aterkoppling/enkat")
                .contains("authorization=null");
        assertThat(get("/inkorg?till=a%40b.example")).contains("path=/inkorg").contains("query=till=a%40b.example");
        assertThat(get("/evenemang/stora-motesdagen-2027")).contains("path=/evenemang/stora-motesdagen-2027");
    }

    @Test
    void aServicesRedirectReachesTheBrowserAsItIsNotFollowedOnTheWay() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/evenemang/omdirigera"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/evenemang/stora-motesdagen-2027/tack");
        assertThat(response.body()).doesNotContain("path=");
    }

    @Test
    void theServicesLearnThePublicAddressSoTheirRedirectsKeepIt() throws Exception {
        String echoed = get("/evenemang/stora-motesdagen-2027");

        assertThat(echoed).contains("x-forwarded-host=127.0.0.1:" + port).contains("x-forwarded-proto=http");
    }

    @Test
    void noServiceActuatorIsReachableThroughThePublicAddress() throws Exception {
        for (String path : new String[] {
            "/actuator/prometheus",
            "/besok/actuator/health",
            "/utskick/actuator/prometheus",
            "/%61ctuator/prometheus",
            "/evenemang/../actuator/env",
            "/ACTUATOR/prometheus"
        }) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("path=");
        }
        assertThat(get("/evenemang/actuatorer-och-annat")).contains("path=/evenemang/actuatorer-och-annat");
    }

    @Test
    void aFormPostArrivesWhole() throws Exception {
        String form = "_csrf=abc&companyName=Nyk%C3%B6pings+Testbageri+AB&sessionIds=a&sessionIds=b";
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/evenemang/stora-motesdagen-2027"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).contains("method=POST").contains("body=" + form);
    }

    @Test
    void aStaffPageWithoutASessionStartsTheSignInWithPkceAndNothingReachesTheService() throws Exception {
        for (String page : List.of("/personal/anmalningar", "/besok/personal/planering", "/aterkoppling/personal")) {
            mvc.perform(MockMvcRequestBuilders.get(page))
                    .andExpect(status().isFound())
                    .andExpect(header().string("Location", endsWith("/oauth2/authorization/motesdagen")));
        }
        String authorize = mvc.perform(MockMvcRequestBuilders.get("/oauth2/authorization/motesdagen"))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        assertThat(authorize)
                .startsWith("http://idp.test/oauth2/authorize?")
                .contains("response_type=code")
                .contains("code_challenge=")
                .contains("code_challenge_method=S256")
                .contains("nonce=");
    }

    @Test
    void aSignedInMemberOfStaffsTokenTravelsToEveryServiceButNotToTheInbox() throws Exception {
        var token = new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER,
                "tillgang-123",
                Instant.now(),
                Instant.now().plusSeconds(600));
        var login = oidcLogin().clientRegistration(clients.findByRegistrationId("motesdagen"));
        var client = oauth2Client("motesdagen").accessToken(token);
        for (String page :
                List.of("/personal/anmalningar", "/besok/personal/planering", "/utskick/personal/meddelanden")) {
            mvc.perform(MockMvcRequestBuilders.get(page)
                            .content(new byte[0])
                            .with(login)
                            .with(client))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("path=" + page)))
                    .andExpect(content().string(containsString("authorization=Bearer tillgang-123")));
        }
        mvc.perform(MockMvcRequestBuilders.get("/inkorg")
                        .content(new byte[0])
                        .with(login)
                        .with(client))
                .andExpect(content().string(containsString("authorization=null")));
    }

    @Test
    void signingOutEndsTheSessionHereAndAtTheProvider() throws Exception {
        var signedIn = oidcLogin().clientRegistration(clients.findByRegistrationId("motesdagen"));
        mvc.perform(MockMvcRequestBuilders.post("/logga-ut").with(signedIn))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", startsWith("http://idp.test/connect/logout")));
        mvc.perform(MockMvcRequestBuilders.get("/logga-ut").content(new byte[0]).with(signedIn))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("path=/logga-ut")));
    }

    @Test
    void signingInLeadsBackToAPageOfThisSiteOnly() throws Exception {
        assertThat(SignInPages.localPathOrStart("/besok/personal/planering?dag=2027-09-03"))
                .isEqualTo("/besok/personal/planering?dag=2027-09-03");
        for (String elsewhere :
                new String[] {null, "https://evil.example/", "//evil.example", "/\\evil.example", "x"}) {
            assertThat(SignInPages.localPathOrStart(elsewhere)).as(elsewhere).isEqualTo("/personal");
        }
        var signedIn = oauth2Login().clientRegistration(clients.findByRegistrationId("motesdagen"));
        mvc.perform(MockMvcRequestBuilders.get("/logga-in")
                        .param("till", "//evil.example")
                        .with(signedIn))
                .andExpect(header().string("Location", "/personal"));
        mvc.perform(MockMvcRequestBuilders.get("/inloggning-misslyckades"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().string(containsString("Inloggningen misslyckades")));
    }

    private String get(String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    static HttpServer echoServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/evenemang/omdirigera", exchange -> {
                exchange.getResponseHeaders().add("Location", "/evenemang/stora-motesdagen-2027/tack");
                exchange.sendResponseHeaders(303, -1);
                exchange.close();
            });
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String echo = "method=" + exchange.getRequestMethod()
                        + "\npath=" + exchange.getRequestURI().getRawPath()
                        + "\nquery=" + exchange.getRequestURI().getRawQuery()
                        + "\nx-forwarded-host=" + exchange.getRequestHeaders().getFirst("X-Forwarded-Host")
                        + "\nx-forwarded-proto=" + exchange.getRequestHeaders().getFirst("X-Forwarded-Proto")
                        + "\nauthorization=" + exchange.getRequestHeaders().getFirst("Authorization")
                        + "\nbody=" + body;
                byte[] bytes = echo.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
