package se.motesdagen.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The local identity provider as the gateway uses it: a member of staff signs in on its form, the
 * authorization code comes back to the gateway's address, and only with the PKCE verifier does it
 * become tokens that carry the person's name, e-mail and roles for the services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInFlowTests {

    static final Path DATA = temporaryFolder();
    static final String REDIRECT = "http://localhost:8080/login/oauth2/code/motesdagen";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("MOTESDAGEN_DATA", DATA::toString);
        registry.add("OIDC_CLIENT_SECRET", () -> "provets-hemlighet");
    }

    @Test
    void aPlannerSignsInAndTheGatewayGetsTokensWithNameEmailAndRolesOnlyWithItsVerifier() throws Exception {
        String verifier = "en-lang-slumpad-verifierare-" + "x".repeat(40);
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize =
                url("/oauth2/authorize?response_type=code&client_id=motesdagen&scope=openid%20profile%20email"
                        + "&state=s1&nonce=n1&code_challenge_method=S256&code_challenge=" + challenge
                        + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8));

        HttpResponse<String> first = get(authorize);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(location(first)).endsWith("/login");
        String form = get(url("/login")).body();
        HttpResponse<String> signedIn = post(
                url("/login"),
                "username=planerare&password=" + encode(passwordOf("planerare")) + "&_csrf=" + encode(csrf(form)),
                null);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> authorized = get(location(signedIn));
        assertThat(location(authorized)).startsWith(REDIRECT + "?code=").contains("state=s1");
        String code = location(authorized).replaceAll(".*[?&]code=([^&]+).*", "$1");

        String basic = "Basic "
                + Base64.getEncoder().encodeToString("motesdagen:provets-hemlighet".getBytes(StandardCharsets.UTF_8));
        String exchange = "grant_type=authorization_code&code=" + code + "&redirect_uri=" + encode(REDIRECT);
        assertThat(post(url("/oauth2/token"), exchange, basic).statusCode())
                .as("without the PKCE verifier the code is worth nothing")
                .isEqualTo(400);
        HttpResponse<String> tokens = post(url("/oauth2/token"), exchange + "&code_verifier=" + verifier, basic);

        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        String access = tokens.body().replaceAll("(?s).*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        String claims = new String(Base64.getUrlDecoder().decode(access.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims)
                .contains("\"iss\":\"http://localhost:9000\"")
                .contains("\"aud\":\"motesdagen\"")
                .contains("\"roles\":[\"PLANNER\"]")
                .contains("\"email\":\"petra.planerare@nykoping.example\"")
                .contains("\"name\":\"Petra Planerare\"");
        assertThat(tokens.body()).contains("\"id_token\"");
    }

    @Test
    void thePasswordsAndTheSigningKeyAreForTheOwnerAlone() throws Exception {
        for (String file : new String[] {"auth/staff-users.properties", "auth/signing-key.json"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA.resolve(file))))
                    .as(file)
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void aWrongPasswordSignsNobodyIn() throws Exception {
        String form = get(url("/login")).body();
        HttpResponse<String> refused =
                post(url("/login"), "username=admin&password=gissning&_csrf=" + encode(csrf(form)), null);

        assertThat(location(refused)).endsWith("/login?error");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOneAndTheCountIsKeptOnDisk() throws Exception {
        for (int attempt = 0; attempt < SignInLimits.ATTEMPTS; attempt++) {
            String form = get(url("/login")).body();
            post(
                    url("/login"),
                    "username=analytiker&password=gissning-" + attempt + "&_csrf=" + encode(csrf(form)),
                    null);
        }
        String form = get(url("/login")).body();
        HttpResponse<String> right = post(
                url("/login"),
                "username=analytiker&password=" + encode(passwordOf("analytiker")) + "&_csrf=" + encode(csrf(form)),
                null);

        // refused as any failure is: the form does not tell a guesser that the account exists and is locked
        assertThat(location(right)).endsWith("/login?error");
        assertThat(get(url("/login?error")).body()).contains("Invalid credentials");
        // on disk, so a restart does not reset it; another account is not touched
        assertThat(SignInLimits.in(DATA.resolve("auth/sign-in-failures.properties"), Clock.systemUTC())
                        .isLocked("Analytiker"))
                .isTrue();
        String again = get(url("/login")).body();
        HttpResponse<String> planner = post(
                url("/login"),
                "username=planerare&password=" + encode(passwordOf("planerare")) + "&_csrf=" + encode(csrf(again)),
                null);
        assertThat(location(planner)).doesNotContain("error");
    }

    private String passwordOf(String user) throws IOException {
        Properties passwords = new Properties();
        try (Reader in = Files.newBufferedReader(DATA.resolve("auth/staff-users.properties"))) {
            passwords.load(in);
        }
        assertThat(passwords.getProperty(user))
                .as("made at random, at least 16 characters")
                .hasSizeGreaterThanOrEqualTo(16);
        return passwords.getProperty(user);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String form, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html,application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("the form's CSRF field").isTrue();
        return m.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("auth-server-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
