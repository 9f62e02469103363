package se.motesdagen.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.Chromium;
import se.motesdagen.platform.test.ChromiumSession;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.OpenedLinks;
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.platform.test.TestInfrastructure;
import se.motesdagen.platform.test.TopicReader;
import se.motesdagen.visit.board.PlanningBoard;

/**
 * The planners' pages in headless Chromium, used as a person would, each audited with axe-core
 * against WCAG 2.1 AA: a host list with a wrong row, the list put right, and a plan made on the
 * board. Skipped where Chromium is not installed.
 */
@Import(StaffTokens.Decoder.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VisitPagesBrowserTests {

    @RegisterExtension
    static ChromiumSession chromium = new ChromiumSession("1024,900");

    @LocalServerPort
    int port;

    @Autowired
    PlanningBoard board;

    @Autowired
    MongoTemplate mongo;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "visit-browser");
    }

    @Test
    void aPlannerImportsTheHostsMendsAWrongRowAndMakesAPlanOnAccessiblePages() throws Exception {
        WebDriver browser = chromium.browser();
        Chromium.signIn(chromium.browser(), StaffTokens.tokenFor(StaffRole.ADMIN));
        String staff = "http://localhost:" + port + "/besok/personal";
        String header = "namn;e-post;telefon;roll;parti eller förvaltning;kunskap;tillgänglig\n";
        Path wrong = Files.writeString(
                Files.createTempFile("vardar", ".csv"),
                header + "Karin Påhittad;karin@nykoping.example;;politiker;;;2027-08-26 09:00-17:00\n"
                        + "Olof Exempel;olof@nykoping.example;;borgmästare;;bygglov;2027-08-26 09:00-17:00\n");
        Path right = Files.writeString(
                Files.createTempFile("vardar", ".csv"),
                header + "Karin Påhittad;karin@nykoping.example;;politiker;;;2027-08-26 09:00-17:00\n"
                        + "Olof Exempel;olof@nykoping.example;;tjänsteperson;;bygglov;2027-08-26 09:00-17:00\n");

        browser.get(staff + "/vardar");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Värdar");
        Chromium.assertAccessible(browser);

        browser.findElement(By.id("fil")).sendKeys(wrong.toString());
        browser.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();
        assertThat(chromium.waitFor(By.id("error-summary")).getText())
                .contains("Listan lästes inte in")
                .contains("Rad 3 (Olof Exempel): Rollen ”borgmästare” känns inte igen");
        assertThat(browser.findElements(By.cssSelector("tbody tr"))).isEmpty();
        Chromium.assertAccessible(browser);

        browser.findElement(By.id("fil")).sendKeys(right.toString());
        browser.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();
        assertThat(chromium.waitFor(By.cssSelector(".notice[role=status]")).getText())
                .isEqualTo("2 värdar lades till och 0 uppdaterades.");
        assertThat(browser.findElements(By.cssSelector("tbody tr"))).hasSize(2);

        // one host by hand: an empty form says what is missing, beside each field
        browser.findElement(By.linkText("Lägg till en värd")).click();
        chromium.waitFor(By.xpath("//h1[text()='Ny värd']"));
        Chromium.assertAccessible(browser);
        browser.findElement(By.xpath("//button[text()='Spara']")).click();
        assertThat(chromium.waitFor(By.id("error-summary")).getText())
                .contains("Namn saknas.")
                .contains("Roll saknas")
                .contains("Ingen tillgänglig tid");
        assertThat(browser.findElement(By.id("name")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.id("name-error")).getText()).isEqualTo("Namn saknas.");
        Chromium.assertAccessible(browser);

        String registrationId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    "se.motesdagen.registration.confirmed.v1",
                    registrationId,
                    CloudEventProducer.example("se.motesdagen.registration.confirmed.v1")
                            .replace("0f8fad5b-d9cb-469f-a165-70867728950e", registrationId));
        }
        browser.get(staff + "/planering?dag=2027-08-26");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            browser.navigate().refresh();
            return browser.findElement(By.tagName("main")).getText().contains("1 företag vill ha besök");
        });
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("2 värdar är lediga den dagen");
        Chromium.assertAccessible(browser);
        browser.findElement(By.xpath("//button[text()='Lägg ett förslag']")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> board.snapshot().state() == PlanningBoard.State.DONE);
        browser.get(staff + "/planering?dag=2027-08-26");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Alla regler hålls.")
                .contains("Lag 1 · Karin Påhittad · Olof Exempel");
        Chromium.assertAccessible(browser);
        // pinned by hand: the board says so, and offers to let it go again
        browser.findElement(By.xpath("//button[text()='Lås Nyköpings Testbageri AB här']"))
                .click();
        assertThat(chromium.waitFor(By.xpath("//button[text()='Lås upp Nyköpings Testbageri AB']"))
                        .isDisplayed())
                .isTrue();
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Låst här (publicerat, eller låst av personalen): nästa förslag behåller lag och tid.");
        Chromium.assertAccessible(browser);

        browser.findElement(By.xpath("//button[text()='Publicera planen']")).click();
        assertThat(chromium.waitFor(By.cssSelector(".notice[role=status]")).getText())
                .contains("1 besök skickade");
        String key = "besok-" + registrationId;
        String token = await().atMost(Duration.ofSeconds(30))
                .until(() -> new TopicReader(bootstrapServers).read("visit.events", key::equals), e -> !e.isEmpty())
                .getFirst()
                .body()
                .transform(b -> OpenedLinks.in(b, "visitId"))
                .replaceAll("(?s).*besok/svar\\?token=([A-Za-z0-9_-]+).*", "$1");

        // the host's day to print
        String karin = mongo.findOne(
                        Query.query(Criteria.where("email").is("karin@nykoping.example")), Document.class, "hosts")
                .getString("_id");
        // found from the list of every host's day, as staff find it
        browser.get(staff + "/scheman");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Torsdag 26 augusti 2027")
                .contains("Nyköpings Testbageri AB");
        Chromium.assertAccessible(browser);
        browser.findElement(By.partialLinkText("Karin Påhittad")).click();
        assertThat(chromium.waitFor(By.tagName("h1")).getText()).startsWith("Schema för Karin Påhittad");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Nyköpings Testbageri AB");
        Chromium.assertAccessible(browser);

        // the company's pages, on a phone: the confirm page, the change form with a mistake, the thanks
        String company = "http://localhost:" + port + "/besok";
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(company + "/annan-tid?token=" + token);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Be om en annan tid");
        Chromium.assertAccessible(browser);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(chromium.waitFor(By.id("error-summary")).getText()).contains("Skriv varför tiden inte passar.");
        assertThat(browser.findElement(By.id("reason")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        Chromium.assertAccessible(browser);
        browser.get(company + "/svar?token=" + token);
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        Chromium.assertAccessible(browser);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.tagName("h1"), "Tack! Tiden är bekräftad"));
        Chromium.assertAccessible(browser);
        browser.get(company + "/svar?token=nobody-got-this");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Länken gäller inte");
        Chromium.assertAccessible(browser);

        // after the visit the host writes the report, from the itinerary; the company's links are done
        browser.get(staff + "/scheman/" + karin + "/2027-08-26");
        browser.findElement(By.linkText("Skriv rapport")).click();
        chromium.waitFor(By.id("public-note"));
        Chromium.assertAccessible(browser);
        browser.findElement(By.cssSelector("label[for='area0']")).click();
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(chromium.waitFor(By.cssSelector(".notice[role=status]")).getText())
                .isEqualTo("Rapporten är sparad och besöket markerat som gjort.");
        Chromium.assertAccessible(browser);
        browser.get(company + "/svar?token=" + token);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Länken gäller inte");

        // Olof asks to be erased: the box first, then off the roster, and the erasure listed
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(staff + "/vardar");
        browser.findElement(By.linkText("Olof Exempel")).click();
        chromium.waitFor(By.id("sure"));
        browser.findElement(By.xpath("//button[text()='Radera värden']")).click();
        assertThat(chromium.waitFor(By.className("error-summary")).getText()).contains("Kryssa i rutan");
        Chromium.assertAccessible(browser);
        browser.findElement(By.cssSelector("label[for='sure']")).click();
        browser.findElement(By.xpath("//button[text()='Radera värden']")).click();
        assertThat(chromium.waitFor(By.id("erasures-heading")).getText()).isEqualTo("Raderade värdar");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Värden är raderad.")
                .contains("Väntar på att utskicken bekräftar")
                .doesNotContain("Olof Exempel");
        Chromium.assertAccessible(browser);
        Chromium.screenshot(browser, "host-erased");
    }
}
