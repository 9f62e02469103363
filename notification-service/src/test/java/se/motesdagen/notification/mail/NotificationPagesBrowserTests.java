package se.motesdagen.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
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
import se.motesdagen.notification.NotificationTestBase;
import se.motesdagen.notification.unsubscribe.Unsubscribes;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.Chromium;
import se.motesdagen.platform.test.ChromiumSession;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.platform.test.TestInfrastructure;

/**
 * The notification service's pages in headless Chromium, each audited with axe-core against WCAG 2.1
 * AA: the public "no more reminders" page a recipient opens from a mail, and the staff's delivery log,
 * a message as sent, and the template previews. Skipped where Chromium is not installed.
 */
@Import(StaffTokens.Decoder.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // no mail server: the message waits in the log, which is all these pages need
            "spring.mail.port=1",
            "motesdagen.mail.bounces.poll-interval=1h"
        })
class NotificationPagesBrowserTests {

    @RegisterExtension
    static ChromiumSession chromium = new ChromiumSession("390,844");

    WebDriver browser;

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    Unsubscribes unsubscribes;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "notification-browser");
    }

    /** The one browser of this class (the session starts and quits it), as each test uses it. */
    @BeforeEach
    void browser() {
        browser = chromium.browser();
    }

    @Test
    void theNoMoreRemindersPageIsAPlainFormThatWorksWithoutJavaScriptAndMeetsWcag21Aa() {
        String link = unsubscribes.link("wilma@webblasarbolaget.example");
        browser.get(link.replace("http://localhost:8080", "http://localhost:" + port));

        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("sv");
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Inga fler påminnelser");
        Chromium.assertAccessible(browser);

        browser.findElement(By.cssSelector("button[type=submit]")).click();

        // the answer page, once the browser has it (a click starts the navigation, it does not wait for it)
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.tagName("main"), "Vi skickar inga fler påminnelser till din e-postadress."));
        assertThat(unsubscribes.hasUnsubscribed("wilma@webblasarbolaget.example"))
                .isTrue();
        Chromium.assertAccessible(browser);

        browser.get("http://localhost:" + port + "/utskick/avregistrera?token=nobody-got-this");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Länken känns inte igen");
        Chromium.assertAccessible(browser);
    }

    @Test
    void theDeliveryLogAMessageAsSentAndTheTemplatePreviewsMeetWcag21Aa() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    "se.motesdagen.registration.submitted.v2",
                    registrationId,
                    NotificationTestBase.example(
                            "se.motesdagen.registration.submitted.v2", registrationId, "astrid@testbageri.example"));
        }
        Query ofRegistration = Query.query(Criteria.where("registrationId").is(registrationId));
        String messageId = await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findOne(ofRegistration, OutgoingMessage.class), m -> m != null)
                .getId();
        Chromium.signIn(chromium.browser(), StaffTokens.tokenFor(StaffRole.ADMIN));
        String staff = "http://localhost:" + port + "/utskick/personal/meddelanden";

        browser.get(staff);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Utskick");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("astrid@testbageri.example");
        Chromium.assertAccessible(browser);

        browser.get(staff + "/" + messageId);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Bekräfta din anmälan");
        Chromium.assertAccessible(browser);

        browser.get(staff + "?status=FAILED");
        Chromium.assertAccessible(browser);

        browser.get(staff + "/mallar");
        assertThat(browser.findElements(By.cssSelector("main a"))).hasSizeGreaterThan(10);
        Chromium.assertAccessible(browser);

        for (String template : new String[] {"visit-scheduled", "host-itinerary", "follow-up"}) {
            browser.get(staff + "/mallar/" + template + "?sprak=en");
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("Hello");
            Chromium.assertAccessible(browser);
        }
    }
}
