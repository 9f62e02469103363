package se.motesdagen.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.motesdagen.platform.security.LinkSeal;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.Chromium;
import se.motesdagen.platform.test.ChromiumSession;
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.platform.test.TestInfrastructure;
import se.motesdagen.platform.test.TopicReader;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.support.Companies;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public pages in headless Chromium, as a person uses them, each audited with axe-core against
 * WCAG 2.1 A and AA. Runs where Chromium and ChromeDriver are installed (.ci/run installs Debian's);
 * skipped elsewhere.
 */
@Import(StaffTokens.Decoder.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"motesdagen.seed-demo-day=true", "motesdagen.outbox.poll-interval=50ms"})
class PublicPagesBrowserTests {

    @RegisterExtension
    static ChromiumSession chromium = new ChromiumSession("390,844");

    WebDriver browser;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "registration-browser");
    }

    /** The one browser of this class (the session starts and quits it), as each test uses it. */
    @BeforeEach
    void browser() {
        browser = chromium.browser();
    }

    @Test
    void theEventPageMeetsWcag21AaAndNeedsNoJavaScript() {
        browser.get(url("/evenemang/stora-motesdagen-2027"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Stora Mötesdagen 2027");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("sv");
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        browser.findElement(By.linkText("Gå direkt till anmälan")).click();
        assertThat(browser.getCurrentUrl()).endsWith("#form-heading");
        assertNoAccessibilityViolations();
    }

    @Test
    void aFormWithMistakesNamesEachOneLinksToTheFieldAndStaysAccessible() {
        browser.get(url("/evenemang/stora-motesdagen-2027"));
        browser.findElement(By.id("organisationNumber")).sendKeys("123");
        // Enter in a field sends the form (the hidden default button), never adds or removes an attendee
        browser.findElement(By.id("organisationNumber")).sendKeys(Keys.ENTER);

        WebElement summary = settle().until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(summary.getAttribute("role")).isEqualTo("alert");
        assertThat(summary.findElements(By.cssSelector("a[href='#organisationNumber']")))
                .hasSize(1);
        WebElement orgNr = browser.findElement(By.id("organisationNumber"));
        assertThat(orgNr.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(orgNr.getAttribute("aria-describedby")).contains("organisationNumber-error");
        assertThat(browser.findElement(By.id("organisationNumber-error")).getText())
                .startsWith("Organisationsnumret stämmer inte");
        assertThat(orgNr.getAttribute("value")).isEqualTo("123");
        assertThat(browser.findElements(By.cssSelector("fieldset.attendee"))).hasSize(1);
        assertNoAccessibilityViolations();
    }

    @Test
    void aPersonRegistersWithThePlainFormAndLandsOnTheThankYouPage() {
        // the second view comes from the page cache, with this browser's own token put in: the form works
        browser.get(url("/evenemang/stora-motesdagen-2027"));
        String firstToken = browser.findElement(By.name("_csrf")).getAttribute("value");
        browser.get(url("/evenemang/stora-motesdagen-2027"));
        assertThat(browser.findElement(By.name("_csrf")).getAttribute("value")).isNotEqualTo(firstToken);
        browser.findElement(By.id("companyName")).sendKeys("Webbläsarbolaget AB");
        browser.findElement(By.id("organisationNumber")).sendKeys(Companies.newOrganisationNumber());
        browser.findElement(By.id("contactName")).sendKeys("Wilma Webb");
        browser.findElement(By.id("email")).sendKeys("wilma@webblasarbolaget.example");
        browser.findElement(By.id("attendees0.name")).sendKeys("Wilma Webb");
        browser.findElement(By.cssSelector("label[for='attendees0.sessionIds1']"))
                .click();
        browser.findElement(By.cssSelector("label[for='consent1']")).click();
        browser.findElement(By.id("send")).click();

        settle().until(ExpectedConditions.urlContains("/tack"));
        assertThat(browser.getCurrentUrl()).endsWith("/evenemang/stora-motesdagen-2027/tack");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tack för din anmälan!");
        assertNoAccessibilityViolations();
    }

    @Test
    void aPersonFollowsTheEmailLinksConfirmsSeesSeatAndLineThenCancelsAndEveryPageStaysAccessible(
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Autowired JsonMapper json,
            @Autowired LinkSeal seal) {
        // two attendees in one session, so the confirmed page shows a line for each
        String orgNr = Companies.newOrganisationNumber();
        browser.get(url("/evenemang/stora-motesdagen-2027"));
        browser.findElement(By.id("companyName")).sendKeys("Länkföljarna AB");
        browser.findElement(By.id("organisationNumber")).sendKeys(orgNr);
        browser.findElement(By.id("contactName")).sendKeys("Lina Länk");
        browser.findElement(By.id("email")).sendKeys("lina@lankfoljarna.example");
        browser.findElement(By.id("attendees0.name")).sendKeys("Lina Länk");
        browser.findElement(By.cssSelector("label[for='attendees0.sessionIds1']"))
                .click();
        // a second attendee, added with the form's own button: no script needed
        browser.findElement(By.name("addAttendee")).click();
        settle().until(ExpectedConditions.presenceOfElementLocated(By.id("attendees1.name")));
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("attendees1.name");
        assertNoAccessibilityViolations();
        browser.findElement(By.id("attendees1.name")).sendKeys("Leo Länk");
        browser.findElement(By.id("attendees1.needs")).sendKeys("Vegetarisk kost");
        browser.findElement(By.cssSelector("label[for='attendees1.sessionIds1']"))
                .click();
        browser.findElement(By.cssSelector("label[for='consent1']")).click();
        browser.findElement(By.id("send")).click();
        settle().until(ExpectedConditions.urlContains("/tack"));

        // the link from the confirm e-mail: a page with a button, which confirms
        browser.get(link(bootstrapServers, json, seal, "se.motesdagen.registration.submitted.v2", "confirmationLink"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Bekräfta anmälan");
        assertNoAccessibilityViolations();
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        settle().until(ExpectedConditions.textToBe(By.tagName("h1"), "Anmälan är bekräftad"));
        assertThat(browser.findElement(By.cssSelector("table.places")).getText())
                .contains("Kompetensförsörjning")
                .contains("Lina Länk")
                .contains("Leo Länk");
        assertNoAccessibilityViolations();

        // the manage link from the confirmation e-mail: the box must be ticked before anything is cancelled
        browser.get(link(bootstrapServers, json, seal, "se.motesdagen.registration.confirmed.v2", "manageLink"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Er anmälan");
        assertNoAccessibilityViolations();
        browser.findElement(By.id("cancel")).click();
        settle().until(ExpectedConditions.presenceOfElementLocated(By.id("sure-error")));
        assertThat(browser.findElement(By.id("sure")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertNoAccessibilityViolations();
        browser.findElement(By.cssSelector("label[for='sure']")).click();
        browser.findElement(By.id("cancel")).click();
        settle().until(ExpectedConditions.textToBe(By.tagName("h1"), "Anmälan är avbokad"));
        assertNoAccessibilityViolations();
    }

    /** A link from the newest event of this type on the topic, as the e-mail would carry it, on this server. */
    private String link(String bootstrapServers, JsonMapper json, LinkSeal seal, String type, String field) {
        var events = new TopicReader(bootstrapServers);
        String url = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> events.read("registration.events", key -> true).stream()
                                .filter(e -> type.equals(e.type()))
                                .filter(e -> {
                                    var body = json.readTree(e.body());
                                    return "Länkföljarna AB".equals(text(body, "companyName"))
                                            || "Länkföljarna AB".equals(text(body.path("company"), "name"));
                                })
                                .map(e -> seal.open(
                                        json.readTree(e.body()).get(field).asString(), e.key()))
                                .reduce((first, second) -> second),
                        Optional::isPresent)
                .orElseThrow();
        return url("/" + url.replaceFirst("^https?://[^/]+/", ""));
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asString() : null;
    }

    /**
     * The day's page cache as plain HTTP clients meet it through the real security chain (no browser
     * needed, but the real token store, which MockMvc tests lose to spring-security-test's csrf()).
     */
    @Test
    void theDaysPageIsRenderedOnceForManyVisitorsYetEachGetsItsOwnWorkingFormAndEditsShowAtOnce(
            @Autowired MongoTemplate mongo, @Autowired Programme programme) throws Exception {
        String path = "/evenemang/stora-motesdagen-2027";
        programme.save(programme.day("stora-motesdagen-2027").orElseThrow()); // a fresh rendering from here on
        HttpResponse<String> first = http(HttpRequest.newBuilder(URI.create(url(path))));
        HttpResponse<String> second = http(HttpRequest.newBuilder(URI.create(url(path))));
        String firstToken = csrfFieldOf(first.body());
        String secondToken = csrfFieldOf(second.body());

        // the same page, but each visitor its own token and the cookie that goes with it
        assertThat(secondToken).isNotEqualTo(firstToken);
        assertThat(second.body().replace(secondToken, "TOKEN"))
                .isEqualTo(first.body().replace(firstToken, "TOKEN"));
        assertThat(second.headers().firstValue("Content-Language")).hasValue("sv-SE");
        String secondCookie =
                second.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(secondCookie).startsWith("XSRF-TOKEN=");
        assertThat(first.headers().firstValue("Set-Cookie").orElseThrow()).doesNotStartWith(secondCookie);

        // the second visitor's form works with its cookie; the first visitor's token does not go with it
        String orgNr = Companies.newOrganisationNumber();
        String form = "companyName=Cachebolaget+AB&organisationNumber=" + orgNr
                + "&contactName=Cilla+Cache&email=cilla%40cachebolaget.example&attendees%5B0%5D.name=Cilla+Cache"
                + "&attendees%5B0%5D.sessionIds=upphandling&consent=true&_csrf=";
        assertThat(post(path, secondCookie, form + firstToken).statusCode()).isEqualTo(403);
        HttpResponse<String> accepted = post(path, secondCookie, form + secondToken);
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(accepted.headers().firstValue("Location").orElseThrow()).endsWith(path + "/tack");

        // a change made behind the service's back waits for the time to live; one made through it shows at once
        var day = programme.day("stora-motesdagen-2027").orElseThrow();
        try {
            mongo.save(withDescription(day, "Ändrad utan att sidan får veta."));
            assertThat(http(HttpRequest.newBuilder(URI.create(url(path)))).body())
                    .contains(day.description());
            programme.save(withDescription(day, "Nu med frukost från kl. 8."));
            assertThat(http(HttpRequest.newBuilder(URI.create(url(path)))).body())
                    .contains("Nu med frukost från kl. 8.");
        } finally {
            programme.save(day);
        }
        // in English the page is rendered in English
        assertThat(http(HttpRequest.newBuilder(URI.create(url(path))).header("Cookie", "motesdagen-lang=en"))
                        .headers()
                        .firstValue("Content-Language"))
                .hasValue("en");
    }

    private static HttpResponse<String> http(HttpRequest.Builder request) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        return http(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static String csrfFieldOf(String page) {
        Matcher field = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(field.find()).as("a CSRF field in the form").isTrue();
        return field.group(1);
    }

    private static Day withDescription(Day day, String description) {
        return new Day(
                day.id(),
                day.name(),
                day.date(),
                day.opensAt(),
                day.closesAt(),
                day.location(),
                description,
                day.sessions(),
                day.registrationOpens(),
                day.registrationCloses(),
                day.published(),
                day.visitsOnly());
    }

    @Test
    void aDayNotYetOpenSaysWhenAndShowsNoFormAndStaysAccessible(@Autowired MongoTemplate mongo) {
        mongo.save(new Day(
                "hostdagen-2036",
                "Höstdagen 2036",
                LocalDate.of(2036, 10, 7),
                LocalTime.of(8, 30),
                LocalTime.of(12, 0),
                "Stadshuset, Nyköping",
                "En förmiddag om upphandling.",
                List.of(),
                Instant.parse("2036-06-01T06:00:00Z"),
                null));
        browser.get(url("/evenemang/hostdagen-2036"));
        assertThat(browser.findElement(By.className("notice")).getText())
                .isEqualTo("Anmälan öppnar den 1 juni 2036 kl. 8.00. Välkommen tillbaka då!");
        assertThat(browser.findElements(By.tagName("form"))).isEmpty();
        assertNoAccessibilityViolations();
    }

    @Test
    void aPersonWithoutTheConfirmEmailAsksForItAgainFromTheThankYouPage() {
        browser.get(url("/evenemang/stora-motesdagen-2027/tack"));
        browser.findElement(By.linkText("Skicka länken igen")).click();
        settle().until(ExpectedConditions.urlContains("/skicka-igen"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Skicka bekräftelselänken igen");
        assertNoAccessibilityViolations();

        browser.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement summary = settle().until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(summary.findElements(By.cssSelector("a[href='#email']"))).hasSize(1);
        assertThat(browser.findElement(By.id("email")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertNoAccessibilityViolations();

        browser.findElement(By.id("email")).sendKeys("wilma@webblasarbolaget.example");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        settle().until(ExpectedConditions.urlContains("/skickat"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Titta i din e-post");
        assertNoAccessibilityViolations();
    }

    @Test
    void theEnglishPagesTheConfirmPageAndTheAccessibilityStatementMeetWcag21AaToo() {
        browser.get(url("/evenemang/stora-motesdagen-2027?lang=en"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.id("form-heading")).getText()).isEqualTo("Registration");
        assertNoAccessibilityViolations();

        browser.get(url("/anmalan/bekrafta?token=" + "x".repeat(43) + "&lang=sv"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Länken fungerar inte");
        assertNoAccessibilityViolations();

        browser.findElement(By.linkText("Tillgänglighetsredogörelse")).click();
        settle().until(ExpectedConditions.urlContains("/tillganglighet"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tillgänglighetsredogörelse");
        assertThat(browser.getPageSource())
                .contains("naringsliv@nykoping.example")
                .contains("Digg");
        assertNoAccessibilityViolations();
    }

    @Test
    void theStaffListMeetsWcag21AaToo() {
        browser.get(url("/evenemang/stora-motesdagen-2027"));
        browser.findElement(By.id("companyName")).sendKeys("Personallistans AB");
        browser.findElement(By.id("organisationNumber")).sendKeys(Companies.newOrganisationNumber());
        browser.findElement(By.id("contactName")).sendKeys("Petra Personal");
        browser.findElement(By.id("email")).sendKeys("petra@personallistan.example");
        browser.findElement(By.id("attendees0.name")).sendKeys("Petra Personal");
        browser.findElement(By.cssSelector("label[for='consent1']")).click();
        browser.findElement(By.id("send")).click();
        settle().until(ExpectedConditions.urlContains("/tack"));

        Chromium.signIn(chromium.browser(), StaffTokens.tokenFor(StaffRole.ADMIN));
        browser.get("http://localhost:" + port + "/personal/anmalningar");

        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Anmälningar");
        assertThat(browser.findElement(By.cssSelector("table:not(.fill)")).getText())
                .contains("Personallistans AB");
        assertThat(browser.findElement(By.cssSelector("table.fill")).getText()).contains("Kompetensförsörjning");
        assertNoAccessibilityViolations();

        browser.findElement(By.linkText("Personallistans AB")).click();
        settle().until(ExpectedConditions.textToBe(By.tagName("h1"), "Personallistans AB"));
        assertThat(browser.findElement(By.className("timeline")).getText()).contains("Anmäld");
        assertNoAccessibilityViolations();
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        settle().until(ExpectedConditions.presenceOfElementLocated(By.className("error-summary")));
        assertNoAccessibilityViolations();

        Chromium.signIn(chromium.browser(), StaffTokens.tokenFor(StaffRole.ADMIN));
        browser.get("http://localhost:" + port + "/personal/incheckning?q=Petra");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Incheckning");
        assertNoAccessibilityViolations();

        Chromium.signIn(chromium.browser(), StaffTokens.tokenFor(StaffRole.ADMIN));
        browser.get("http://localhost:" + port + "/personal/anmalningar/ny");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Ny anmälan");
        browser.findElement(By.id("send")).click();
        settle().until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertNoAccessibilityViolations();

        // the programme editor: the list, a new day with a mistake, a day, a session
        Chromium.signIn(chromium.browser(), StaffTokens.tokenFor(StaffRole.ADMIN));
        browser.get("http://localhost:" + port + "/personal/program");
        assertNoAccessibilityViolations();
        browser.findElement(By.id("name")).sendKeys("Webbläsardagen");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        settle().until(ExpectedConditions.presenceOfElementLocated(By.className("error-summary")));
        assertThat(browser.findElement(By.id("date")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertNoAccessibilityViolations();
        Chromium.signIn(chromium.browser(), StaffTokens.tokenFor(StaffRole.ADMIN));
        browser.get("http://localhost:" + port + "/personal/program/stora-motesdagen-2027");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Stora Mötesdagen 2027");
        assertNoAccessibilityViolations();
        Chromium.signIn(chromium.browser(), StaffTokens.tokenFor(StaffRole.ADMIN));
        browser.get("http://localhost:" + port + "/personal/program/stora-motesdagen-2027/pass/kompetensforsorjning");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Kompetensförsörjning");
        assertNoAccessibilityViolations();
    }

    @Test
    void theAuditLogTheSignInAndTheNoAccessPagesMeetWcag21AaToo() throws Exception {
        // the audit log after a registration's page was seen, filtered by a date written wrongly
        Chromium.signIn(chromium.browser(), StaffTokens.tokenFor(StaffRole.ADMIN));
        browser.get("http://localhost:" + port + "/personal/anmalningar");
        browser.findElement(By.cssSelector("table:not(.fill) tbody a")).click();
        settle().until(ExpectedConditions.presenceOfElementLocated(By.className("timeline")));
        browser.get("http://localhost:" + port + "/personal/logg");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Granskningslogg – Anmälningar");
        assertThat(browser.findElement(By.cssSelector("table tbody")).getText()).contains("Anmälan visad");
        assertThat(browser.findElement(By.linkText("Granskningslogg")).getAttribute("href"))
                .endsWith("/personal/logg");
        assertNoAccessibilityViolations();
        Chromium.screenshot(browser, "audit-log");
        browser.get("http://localhost:" + port + "/personal/logg?fran=igar");
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("Skriv datumet som 2027-09-03");
        assertNoAccessibilityViolations();

        // signed in without a role: told so, with the way back
        Chromium.signIn(chromium.browser(), StaffTokens.tokenFor());
        browser.get("http://localhost:" + port + "/personal");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("ingen roll i Mötesdagen");
        assertNoAccessibilityViolations();
        Chromium.screenshot(browser, "no-role");

        // a sign-in that ran out: asked to sign in again, and brought back
        Chromium.signIn(chromium.browser(), "utgangen-token");
        browser.get("http://localhost:" + port + "/personal/anmalningar");
        assertThat(browser.findElement(By.linkText("Logga in")).getAttribute("href"))
                .endsWith("/logga-in?till=%2Fpersonal%2Fanmalningar");
        assertNoAccessibilityViolations();
    }

    @Test
    void theAccessRequestPagesAndErasingOnePersonMeetWcag21AaToo() throws Exception {
        String orgNr = Companies.newOrganisationNumber();
        browser.get(url("/evenemang/stora-motesdagen-2027"));
        browser.findElement(By.id("companyName")).sendKeys("Utdragets Verkstad AB");
        browser.findElement(By.id("organisationNumber")).sendKeys(orgNr);
        browser.findElement(By.id("contactName")).sendKeys("Ulla Utdrag");
        browser.findElement(By.id("email")).sendKeys("ulla@utdraget.example");
        browser.findElement(By.id("attendees0.name")).sendKeys("Ulla Utdrag");
        browser.findElement(By.cssSelector("label[for='consent1']")).click();
        browser.findElement(By.id("send")).click();
        settle().until(ExpectedConditions.urlContains("/tack"));

        // the form, a subject that is none of the three, then the request with this service's answer
        Chromium.signIn(chromium.browser(), StaffTokens.tokenFor(StaffRole.ADMIN));
        browser.get(url("/personal/registerutdrag"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Registerutdrag");
        assertNoAccessibilityViolations();
        browser.findElement(By.id("vem")).sendKeys("Utdragets Verkstad");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        settle().until(ExpectedConditions.presenceOfElementLocated(By.className("error-summary")));
        assertThat(browser.findElement(By.id("vem")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertNoAccessibilityViolations();
        browser.findElement(By.id("vem")).clear();
        browser.findElement(By.id("vem")).sendKeys(orgNr);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        settle().until(ExpectedConditions.textToBe(By.tagName("h1"), "Registerutdrag för " + orgNr));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Utdragets Verkstad AB")
                .contains("Ulla Utdrag")
                .contains("Väntar på svar från: Företagsbesök, E-postutskick, Återkoppling");
        assertNoAccessibilityViolations();
        Chromium.screenshot(browser, "access-request");

        // one person erased from the registration: the choice, then the same page with the error named
        browser.get(url("/personal/anmalningar"));
        browser.findElement(By.linkText("Utdragets Verkstad AB")).click();
        settle().until(ExpectedConditions.textToBe(By.tagName("h1"), "Utdragets Verkstad AB"));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Radera en person")
                .contains("Kontaktpersonen: Ulla Utdrag (ulla@utdraget.example)");
        browser.findElement(By.cssSelector("label[for='vem-kontakt']")).click();
        browser.findElement(By.cssSelector("form[action$='/radera-person'] button[type=submit]"))
                .click();
        settle().until(ExpectedConditions.presenceOfElementLocated(By.className("error-summary")));
        assertNoAccessibilityViolations();
        browser.findElement(By.cssSelector("label[for='vem-kontakt']")).click();
        browser.findElement(By.cssSelector("label[for='person-sure']")).click();
        browser.findElement(By.cssSelector("form[action$='/radera-person'] button[type=submit]"))
                .click();
        settle().until(ExpectedConditions.presenceOfElementLocated(By.id("person-erasures-heading")));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Personen är raderad här")
                .contains("Raderade kontaktpersonen")
                .doesNotContain("ulla@utdraget.example");
        assertNoAccessibilityViolations();
        Chromium.screenshot(browser, "person-erased");
    }

    @Test
    void staffAddQuestionsInTheEditorAndTheFormAsksThemAccessiblyWithFieldLinkedErrors(@Autowired MongoTemplate mongo)
            throws Exception {
        mongo.save(new Day(
                "fragedagen-2031",
                "Frågedagen 2031",
                LocalDate.of(2031, 5, 6),
                LocalTime.of(9, 0),
                LocalTime.of(12, 0),
                "Stadshuset, Nyköping",
                "En dag med egna frågor.",
                List.of(new Day.Session(
                        "upphandling",
                        "Upphandling",
                        "Om upphandling.",
                        LocalTime.of(9, 30),
                        LocalTime.of(10, 30),
                        "Sal A",
                        30)),
                null,
                null));
        // staff add a choice per attendee, then a yes/no for the company, in the editor
        Chromium.signIn(chromium.browser(), StaffTokens.tokenFor(StaffRole.ADMIN));
        browser.get(url("/personal/program/fragedagen-2031"));
        new Select(browser.findElement(By.id("kind"))).selectByValue("SINGLE_CHOICE");
        browser.findElement(By.cssSelector("label[for='scope2']")).click();
        browser.findElement(By.id("textSv")).sendKeys("Vilken lunch vill du ha?");
        browser.findElement(By.id("textEn")).sendKeys("Which lunch would you like?");
        browser.findElement(By.id("choices")).sendKeys("Vegetarisk | Vegetarian\nVanlig | Regular");
        browser.findElement(By.cssSelector("label[for='required1']")).click();
        browser.findElement(By.cssSelector("form[action$='/fragor'] button[type=submit]"))
                .click();
        settle().until(ExpectedConditions.presenceOfElementLocated(By.id("fraga-vilken-lunch-vill-du-ha")));
        assertNoAccessibilityViolations();
        // a choice question without choices is refused, the error linked to its field
        new Select(browser.findElement(By.id("kind"))).selectByValue("MULTIPLE_CHOICE");
        browser.findElement(By.id("textSv")).sendKeys("Vilka dagar kan ni?");
        browser.findElement(By.cssSelector("form[action$='/fragor'] button[type=submit]"))
                .click();
        WebElement problems = settle().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".error-summary a[href='#choices']")));
        assertThat(problems.getText()).isEqualTo("Skriv mellan 2 och 30 svarsalternativ, ett per rad.");
        assertNoAccessibilityViolations();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('fragor').scrollIntoView()");
        Chromium.screenshot(browser, "question-editor");
        // the question's own page: its wording to change, kind and scope said, removal
        browser.get(url("/personal/program/fragedagen-2031/fragor/vilken-lunch-vill-du-ha"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Vilken lunch vill du ha?");
        assertThat(browser.findElement(By.id("textSv")).getAttribute("value")).isEqualTo("Vilken lunch vill du ha?");
        assertNoAccessibilityViolations();
        Chromium.screenshot(browser, "question-page");

        // the form asks the question in a fieldset; left unanswered, the summary links to it
        browser.get(url("/evenemang/fragedagen-2031"));
        WebElement question = browser.findElement(By.id("attendees0.answersvilken-lunch-vill-du-ha"));
        assertThat(question.getTagName()).isEqualTo("fieldset");
        assertThat(question.findElement(By.tagName("legend")).getText()).isEqualTo("Vilken lunch vill du ha? *");
        browser.findElement(By.id("companyName")).sendKeys("Frågebolaget AB");
        browser.findElement(By.id("organisationNumber")).sendKeys(Companies.newOrganisationNumber());
        browser.findElement(By.id("contactName")).sendKeys("Fia Fråga");
        browser.findElement(By.id("email")).sendKeys("fia@fragebolaget.example");
        browser.findElement(By.id("attendees0.name")).sendKeys("Fia Fråga");
        browser.findElement(By.cssSelector("label[for='consent1']")).click();
        browser.findElement(By.id("send")).click();
        WebElement summary = settle().until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(summary.findElement(By.cssSelector("a[href='#attendees0.answersvilken-lunch-vill-du-ha']"))
                        .getText())
                .isEqualTo("Deltagare 1: Svara på frågan.");
        assertNoAccessibilityViolations();
        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].scrollIntoView()",
                        browser.findElement(By.id("attendees0.answersvilken-lunch-vill-du-ha")));
        Chromium.screenshot(browser, "question-unanswered");
        browser.findElement(By.cssSelector("label[for='attendees0.answersvilken-lunch-vill-du-ha-vegetarisk']"))
                .click();
        browser.findElement(By.id("send")).click();
        settle().until(ExpectedConditions.urlContains("/tack"));
        Chromium.screenshot(browser, "questions-answered");
    }

    @Test
    void twoPeopleConfirmOneCompanyAndStaffDecideOnAnAccessiblePage(
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Autowired JsonMapper json,
            @Autowired LinkSeal seal,
            @Autowired MongoTemplate mongo)
            throws Exception {
        String orgNr = Companies.newOrganisationNumber();
        List<String> ids = new ArrayList<>();
        for (String[] who : List.of(
                new String[] {"Otto Obehörig", "otto@annan.example"},
                new String[] {"Vera Verklig", "vera@dubbla.example"})) {
            browser.get(url("/evenemang/stora-motesdagen-2027"));
            browser.findElement(By.id("companyName")).sendKeys("Dubbla Bolaget AB");
            browser.findElement(By.id("organisationNumber")).sendKeys(orgNr);
            browser.findElement(By.id("contactName")).sendKeys(who[0]);
            browser.findElement(By.id("email")).sendKeys(who[1]);
            browser.findElement(By.id("attendees0.name")).sendKeys(who[0]);
            browser.findElement(By.cssSelector("label[for='consent1']")).click();
            browser.findElement(By.id("send")).click();
            settle().until(ExpectedConditions.urlContains("/tack"));
            ids.add(mongo.findOne(
                            Query.query(Criteria.where("contact.email").is(who[1])), Document.class, "registrations")
                    .getString("_id"));
        }
        // the one who is not the company confirms first; the company's own contact then meets this page
        for (String id : ids) {
            browser.get(confirmLink(bootstrapServers, json, seal, id));
            browser.findElement(By.cssSelector("main button[type=submit]")).click();
            settle().until(ExpectedConditions.not(ExpectedConditions.textToBe(By.tagName("h1"), "Bekräfta anmälan")));
        }
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Företaget är redan anmält");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("hör av sig till er");
        assertNoAccessibilityViolations();
        Chromium.screenshot(browser, "contested-confirm");

        Chromium.signIn(chromium.browser(), StaffTokens.tokenFor(StaffRole.ADMIN));
        browser.get(url("/personal/anmalningar"));
        browser.findElement(By.partialLinkText("väntar på beslut")).click();
        browser.findElement(By.linkText("Dubbla Bolaget AB")).click();
        settle().until(ExpectedConditions.presenceOfElementLocated(By.className("conflict")));
        assertThat(browser.findElement(By.className("conflict")).getText())
                .contains("otto@annan.example")
                .contains("vera@dubbla.example");
        assertNoAccessibilityViolations();
        Chromium.screenshot(browser, "company-conflict");
        browser.findElement(By.cssSelector("form[action$='/ge-platsen'] button[type=submit]"))
                .click();
        settle().until(ExpectedConditions.presenceOfElementLocated(By.className("error-summary")));
        assertNoAccessibilityViolations();
        browser.findElement(By.cssSelector("label[for='conflict-sure-give']")).click();
        browser.findElement(By.cssSelector("form[action$='/ge-platsen'] button[type=submit]"))
                .click();
        settle().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("main .notice"), "Företagets plats är nu den här anmälans"));
        assertThat(browser.findElement(By.cssSelector("dl.summary")).getText()).contains("Bekräftad");
        assertNoAccessibilityViolations();
        Chromium.screenshot(browser, "company-conflict-decided");
    }

    /** The confirm link of the registration's newest RegistrationSubmitted, on this server. */
    private String confirmLink(String bootstrapServers, JsonMapper json, LinkSeal seal, String registrationId) {
        var events = new TopicReader(bootstrapServers);
        String link = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> events.read("registration.events", registrationId).stream()
                                .filter(e -> "se.motesdagen.registration.submitted.v2".equals(e.type()))
                                .map(e -> seal.open(
                                        json.readTree(e.body())
                                                .get("confirmationLink")
                                                .asString(),
                                        e.key()))
                                .reduce((first, second) -> second),
                        Optional::isPresent)
                .orElseThrow();
        return url("/" + link.replaceFirst("^https?://[^/]+/", ""));
    }

    private void assertNoAccessibilityViolations() {
        Chromium.assertAccessible(browser);
    }

    /** Waits for what a click sets in motion; the page answers within milliseconds, so ten seconds means broken. */
    private WebDriverWait settle() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
