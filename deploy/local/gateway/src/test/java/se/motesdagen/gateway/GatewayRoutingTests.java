package se.motesdagen.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The routes of application.yml against stub services that echo what reached them: each path goes to
 * its owner unchanged, the public address travels in X-Forwarded-* headers, and form bodies arrive
 * whole.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class GatewayRoutingTests {

    static final HttpServer UPSTREAM = echoServer();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        String base = "http://127.0.0.1:" + UPSTREAM.getAddress().getPort();
        registry.add("REGISTRATION_URL", () -> base);
        registry.add("VISIT_URL", () -> base);
        registry.add("NOTIFICATION_URL", () -> base);
        registry.add("FEEDBACK_URL", () -> base);
        registry.add("INBOX_URL", () -> base);
    }

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.stop(0);
    }

    @Test
    void eachPathReachesItsServiceUnchanged() throws Exception {
        assertThat(get("/besok/personal/besoksforfragningar")).contains("path=/besok/personal/besoksforfragningar");
        assertThat(get("/utskick/personal/meddelanden")).contains("path=/utskick/personal/meddelanden");
        assertThat(get("/aterkoppling/personal/deltagare")).contains("path=/aterkoppling/personal/deltagare");
        assertThat(get("/inkorg?till=a%40b.example")).contains("path=/inkorg").contains("query=till=a%40b.example");
        assertThat(get("/evenemang/stora-motesdagen-2027")).contains("path=/evenemang/stora-motesdagen-2027");
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

    private String get(String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static HttpServer echoServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String echo = "method=" + exchange.getRequestMethod()
                        + "\npath=" + exchange.getRequestURI().getRawPath()
                        + "\nquery=" + exchange.getRequestURI().getRawQuery()
                        + "\nx-forwarded-host=" + exchange.getRequestHeaders().getFirst("X-Forwarded-Host")
                        + "\nx-forwarded-proto=" + exchange.getRequestHeaders().getFirst("X-Forwarded-Proto")
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
