package se.motesdagen.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A service that is down (restarting) is a 503 with Retry-After through the gateway, never a 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@Import(GatewayRoutingTests.Provider.class)
class ServiceUnavailableTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Every service at a port where nothing listens, as while it restarts. */
    @DynamicPropertySource
    static void servicesDown(DynamicPropertyRegistry registry) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String nobody = "http://127.0.0.1:" + closed;
        for (String service : new String[] {"REGISTRATION_URL", "VISIT_URL", "NOTIFICATION_URL", "FEEDBACK_URL"}) {
            registry.add(service, () -> nobody);
        }
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
}
