package se.motesdagen.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service that is down (restarting) is a 503 with Retry-After through the gateway, never a 500; one
 * that takes the request and never answers is a 504 after the read timeout, and holds up nobody else.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "spring.http.clients.read-timeout=" + ServiceUnavailableTests.PATIENCE
        })
@Import(GatewayRoutingTests.Provider.class)
class ServiceUnavailableTests {

    /** The read timeout here: long enough for the page of a live service to come first on a slow machine. */
    static final String PATIENCE = "6s";

    /**
     * More requests stuck at once than the gateway once had request threads (8, all of them then held by
     * the hung service), as many as its 32 leave room for beside the service's 8 turns and the page.
     */
    static final int STUCK = 20;

    /** The visit service "hangs": it takes every connection and never says a word. */
    static final HungService HUNG = new HungService();

    /** The inbox answers at once. */
    static final HttpServer LIVE = GatewayRoutingTests.echoServer();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Every service at a port where nothing listens, as while it restarts; but the visit service hangs. */
    @DynamicPropertySource
    static void servicesDown(DynamicPropertyRegistry registry) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String nobody = "http://127.0.0.1:" + closed;
        for (String service : new String[] {"REGISTRATION_URL", "NOTIFICATION_URL", "FEEDBACK_URL"}) {
            registry.add(service, () -> nobody);
        }
        registry.add("VISIT_URL", () -> "http://127.0.0.1:" + HUNG.port());
        registry.add("INBOX_URL", () -> "http://127.0.0.1:" + LIVE.getAddress().getPort());
    }

    @AfterAll
    static void stopServers() throws IOException {
        HUNG.close();
        LIVE.stop(0);
    }

    @Test
    void aHungServiceHoldsUpNoOtherPageAndItsRequestsEndInAGatewayTimeout() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> stuck = IntStream.range(0, STUCK)
                .mapToObj(i -> http.sendAsync(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/besok/svar/" + i))
                                .header("Accept", "text/html")
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        // as many as the service's turns have reached the hung service through the gateway and wait there;
        // the others wait for a turn in the gateway
        await().atMost(Duration.ofSeconds(5)).until(() -> HUNG.accepted() >= RequestsPerService.TURNS);

        HttpResponse<String> inbox = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/inkorg/"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("path=/inkorg/");
        assertThat(stuck)
                .as("the page came while every hung request still waited")
                .noneMatch(CompletableFuture::isDone);
        assertThat(HUNG.accepted())
                .as("no more at once than the service's turns")
                .isEqualTo(RequestsPerService.TURNS);

        int timedOut = 0;
        for (CompletableFuture<HttpResponse<String>> request : stuck) {
            HttpResponse<String> page = request.get();
            if (page.statusCode() == 504) {
                // the request reached the service and may have been acted on: the page says neither that it
                // did nor that it did not
                assertThat(page.body()).contains("<h1>Svaret dröjer</h1>").contains("kan ha kommit fram");
                timedOut++;
            } else {
                // no turn came within the timeout: it never reached the service, so it can be sent again
                assertThat(page.statusCode()).isEqualTo(503);
                assertThat(page.headers().firstValue("Retry-After")).hasValue(ServiceUnavailable.RETRY_AFTER);
                assertThat(page.body()).contains("<h1>Tjänsten startar om</h1>");
            }
        }
        assertThat(timedOut).isGreaterThanOrEqualTo(RequestsPerService.TURNS);
    }

    @Test
    void aPersonGetsAShortPageSayingToTryAgainAndAnApiClientAProblemDocument() throws Exception {
        HttpResponse<String> form = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/evenemang/stora-motesdagen-2027"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("companyName=Nyk%C3%B6pings+Testbageri+AB"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(503);
        assertThat(form.headers().firstValue("Retry-After")).hasValue(ServiceUnavailable.RETRY_AFTER);
        assertThat(form.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(form.body()).contains("<h1>Tjänsten startar om</h1>").contains("lang=\"en\"");

        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/evenemang/stora-motesdagen-2027"))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode())
                .as("no copy of the day's page can be made: the view is passed on, and answered as any other")
                .isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).hasValue(ServiceUnavailable.RETRY_AFTER);

        HttpResponse<String> api = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + port + "/api/events/stora-motesdagen-2027/registrations"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Retry-After")).hasValue(ServiceUnavailable.RETRY_AFTER);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.body()).contains("\"status\":503");

        HttpResponse<String> survey = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/aterkoppling/enkat?token=t"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(survey.statusCode()).isEqualTo(503);
    }

    /** Accepts connections, keeps them open and never reads or writes: a service stuck on something. */
    static final class HungService implements AutoCloseable {

        private final ServerSocket socket;
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        HungService() {
            try {
                socket = new ServerSocket(0, 100);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Thread.ofPlatform().daemon().name("hung-service").start(() -> {
                while (!socket.isClosed()) {
                    try {
                        held.add(socket.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        int accepted() {
            return held.size();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket connection : held) {
                connection.close();
            }
        }
    }
}
