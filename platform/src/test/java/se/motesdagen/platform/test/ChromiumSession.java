package se.motesdagen.platform.test;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a browser test class: started before its tests (which are skipped where
 * Chromium is not installed), quit after them. Register it as a static field:
 *
 * <pre>
 * &#64;RegisterExtension
 * static ChromiumSession chromium = new ChromiumSession("390,844");
 * </pre>
 */
public final class ChromiumSession implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final String windowSize;
    private WebDriver browser;

    public ChromiumSession(String windowSize) {
        this.windowSize = windowSize;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        assumeTrue(Chromium.installed(), "Chromium and ChromeDriver are not installed");
        browser = Chromium.start(windowSize);
    }

    /** Each test starts as a visitor; a test signs in as staff with {@link Chromium#signIn}. */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (browser != null) {
            Chromium.signIn(browser, null);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    public WebDriver browser() {
        return browser;
    }

    /**
     * Waits for what a click set in motion (a click starts a navigation, it does not wait for it); the
     * pages answer within milliseconds, so ten seconds means broken.
     */
    public WebElement waitFor(By what) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(what));
    }

    /** Waits until the page's main heading reads so. */
    public void waitForHeading(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), text));
    }
}
