package se.motesdagen.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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

/**
 * The survey as a company's contact meets it, on a phone, in headless Chromium, each page audited with
 * axe-core against WCAG 2.1 AA: answered in part, saved, finished from the same link, sent. Skipped where
 * Chromium is not installed. Then staff shortlist the proposals and open a vote, and the contact votes.
 */
@Import(StaffTokens.Decoder.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FeedbackPagesBrowserTests {

    @RegisterExtension
    static ChromiumSession chromium = new ChromiumSession("390,844");

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "feedback-browser");
    }

    @Test
    void aContactAnswersPartOfTheSurveySavesFinishesItFromTheSameLinkAndSendsIt() {
        WebDriver browser = chromium.browser();
        String registrationId = UUID.randomUUID().toString();
        String visitId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.sendExample(
                    "registration.events",
                    "se.motesdagen.registration.confirmed.v1",
                    registrationId,
                    "0f8fad5b-d9cb-469f-a165-70867728950e",
                    registrationId);
            // the participant first: the invitation needs to know whom to ask
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> mongo.exists(Query.query(Criteria.where("_id").is(registrationId)), "participants"));
            producer.send(
                    "visit.events",
                    UUID.randomUUID().toString(),
                    "se.motesdagen.visit.completed.v1",
                    visitId,
                    CloudEventProducer.example("se.motesdagen.visit.completed.v1")
                            .replace("b7a4c2e0-5d1f-4c8e-9a63-2f0e8d1c4b57", visitId)
                            .replace("0f8fad5b-d9cb-469f-a165-70867728950e", registrationId));
        }
        String token = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> new TopicReader(bootstrapServers).read("feedback.events", ("visit-" + visitId)::equals),
                        e -> !e.isEmpty())
                .getFirst()
                .body()
                .transform(b -> OpenedLinks.in(b, "invitationId"))
                .replaceAll("(?s).*enkat\\?token=([A-Za-z0-9_-]+).*", "$1");
        String survey = "http://localhost:" + port + "/aterkoppling/enkat?token=" + token;

        browser.get(survey);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Vad tyckte du?");
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        Chromium.assertAccessible(browser);

        browser.findElement(By.cssSelector("label[for='bemotande-6']")).click();
        browser.findElement(By.cssSelector("label[for='kompetens-vet-inte']")).click();
        browser.findElement(By.id("change")).sendKeys("Ett ställe för alla tillstånd.");
        browser.findElement(By.xpath("//button[text()='Spara och fortsätt senare']"))
                .click();
        assertThat(chromium.waitFor(By.cssSelector(".notice[role=status]")).getText())
                .startsWith("Svaren är sparade.");
        Chromium.assertAccessible(browser);

        // later, from the same link: what was answered is there
        browser.get(survey);
        assertThat(browser.findElement(By.id("bemotande-6")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("kompetens-vet-inte")).isSelected())
                .isTrue();
        assertThat(browser.findElement(By.id("change")).getAttribute("value"))
                .isEqualTo("Ett ställe för alla tillstånd.");
        browser.findElement(By.cssSelector("label[for='nki-helhet-5']")).click();
        browser.findElement(By.cssSelector("label[for='nki-forvantningar-4']")).click();
        browser.findElement(By.cssSelector("label[for='nki-ideal-4']")).click();
        browser.findElement(By.cssSelector("label[for='hearBack-email']")).click();
        browser.findElement(By.xpath("//button[text()='Skicka svaren']")).click();
        chromium.waitForHeading("Tack för dina svar!");
        Chromium.assertAccessible(browser);

        browser.get(survey);
        assertThat(browser.findElement(By.cssSelector(".notice[role=status]")).getText())
                .isEqualTo("Du har redan skickat dina svar. Tack!");
        assertThat(browser.findElements(By.cssSelector("main form"))).isEmpty();
        Chromium.assertAccessible(browser);

        browser.get("http://localhost:" + port + "/aterkoppling/enkat?token=nobody-got-this");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Länken gäller inte");
        Chromium.assertAccessible(browser);

        // staff see it on the dashboard: one answer, too few for an index, the words and the trend
        browser.manage().window().setSize(new Dimension(1280, 900));
        Chromium.signIn(chromium.browser(), StaffTokens.tokenFor(StaffRole.ADMIN));
        browser.get("http://localhost:" + port + "/aterkoppling/personal/resultat");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Vad företagen tycker");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("1 svar: för få för att visa ett index (minst 7).")
                .contains("Ett ställe för alla tillstånd.")
                .contains("Annan källa: Insikt (SKR), Nyköping");
        Chromium.assertAccessible(browser);

        // what each survey asks, and the yearly survey's button
        Chromium.signIn(chromium.browser(), StaffTokens.tokenFor(StaffRole.ADMIN));
        browser.get("http://localhost:" + port + "/aterkoppling/personal/enkater");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Vad enkäterna frågar");
        Chromium.assertAccessible(browser);

        // the proposals board: the registration's suggestion and the survey's words, each to handle
        Chromium.signIn(chromium.browser(), StaffTokens.tokenFor(StaffRole.ADMIN));
        browser.get("http://localhost:" + port + "/aterkoppling/personal/forslag");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Samla alla tillstånd för en etablering hos en kontaktperson.")
                .contains("Ett ställe för alla tillstånd.");
        Chromium.assertAccessible(browser);

        // a follow-up report published, and read as anyone reads it
        browser.findElement(By.linkText("Återkopplingsrapporter till deltagarna"))
                .click();
        chromium.waitFor(By.id("report-summary")).sendKeys("Vi har läst alla förslag.");
        Chromium.assertAccessible(browser);
        browser.findElement(By.xpath("//button[text()='Publicera och mejla deltagarna']"))
                .click();
        assertThat(chromium.waitFor(By.cssSelector(".notice[role=status]")).getText())
                .isEqualTo("Rapporten är publicerad och mejlas till deltagarna.");
        String report = browser.findElement(By.linkText("Det här gör vi av era förslag"))
                .getAttribute("href");
        browser.get(report);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Det här gör vi av era förslag");
        Chromium.assertAccessible(browser);

        // both proposals on the shortlist, a vote opened on it, and the participant's ballot cast on a phone
        Chromium.signIn(chromium.browser(), StaffTokens.tokenFor(StaffRole.ADMIN));
        String board = "http://localhost:" + port + "/aterkoppling/personal/forslag";
        for (int proposal = 0; proposal < 2; proposal++) {
            browser.get(board);
            WebElement open = browser.findElement(By.id("h-OPEN")).findElement(By.xpath(".."));
            open.findElement(By.tagName("summary")).click();
            open.findElement(By.xpath(".//button[text()='Sätt upp på korta listan']"))
                    .click();
            chromium.waitFor(By.cssSelector(".notice[role=status]"));
        }
        browser.findElement(By.linkText("Omröstning om den korta listan")).click();
        chromium.waitForHeading("Omröstning om den korta listan");
        Chromium.assertAccessible(browser);
        browser.findElement(By.xpath("//button[text()='Publicera korta listan och skicka röstlänkarna']"))
                .click();
        assertThat(chromium.waitFor(By.cssSelector(".notice[role=status]")).getText())
                .isEqualTo("Omröstningen är öppen: en röstlänk skickas.");
        Chromium.assertAccessible(browser);

        String ballotToken = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> new TopicReader(bootstrapServers)
                                .read("feedback.events", ("omrostning-1." + registrationId)::equals),
                        e -> !e.isEmpty())
                .getFirst()
                .body()
                .transform(b -> OpenedLinks.in(b, "ballotId"))
                .replaceAll("(?s).*rostning\\?token=([A-Za-z0-9_-]+).*", "$1");
        browser.manage().window().setSize(new Dimension(390, 844));
        Chromium.signIn(chromium.browser(), null); // the participant's phone: not signed in as staff
        browser.get("http://localhost:" + port + "/aterkoppling/rostning?token=" + ballotToken);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Vilka förslag ska kommunen prioritera?");
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        Chromium.assertAccessible(browser);
        browser.findElement(By.cssSelector("label[for='forslag-1']")).click();
        browser.findElement(By.xpath("//button[text()='Rösta']")).click();
        assertThat(chromium.waitFor(By.cssSelector(".notice[role=status]")).getText())
                .startsWith("Din röst är sparad: du valde ett förslag.");
        assertThat(browser.findElement(By.id("forslag-1")).isSelected()).isTrue();
        assertThat(browser.findElement(By.xpath("//button[text()='Ändra min röst']"))
                        .isDisplayed())
                .isTrue();
        Chromium.assertAccessible(browser);
        // a company's page shows no staff navigation; the other language keeps the ballot's link
        assertThat(browser.findElements(By.cssSelector(".staff-nav"))).isEmpty();
        browser.findElement(By.linkText("In English")).click();
        assertThat(chromium.waitFor(By.xpath("//button[text()='Change my vote']"))
                        .isDisplayed())
                .isTrue();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("You have 2 votes.");
        assertThat(browser.findElement(By.id("forslag-1")).isSelected()).isTrue();
    }
}
