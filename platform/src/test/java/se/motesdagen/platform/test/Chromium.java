package se.motesdagen.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the browser tests, and the axe-core audit against WCAG 2.1 A and AA that every
 * page goes through. Debian's Chromium and ChromeDriver (.ci/run installs them); the tests that use it
 * are skipped where they are not installed ({@link #installed()}).
 */
public final class Chromium {

    static final Path BINARY = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Chromium() {}

    public static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    /** A headless browser with the given window ("390,844" is a phone), Swedish first. */
    public static WebDriver start(String windowSize) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=" + windowSize,
                "--lang=sv-SE");
        return new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(DRIVER.toFile())
                        .build(),
                options);
    }

    /**
     * From now on every request of the browser carries this access token, as the gateway relays it to
     * the services for one signed in (the services never see the gateway's session); {@code null} signs out.
     */
    public static void signIn(WebDriver browser, String token) {
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand(
                "Network.setExtraHTTPHeaders",
                Map.of("headers", token == null ? Map.of() : Map.of("Authorization", "Bearer " + token)));
    }

    /** Saves what the browser shows as {@code target/screenshots/NAME.png}, for a person to look at. */
    public static void screenshot(WebDriver browser, String name) throws IOException {
        Path folder = Path.of("target", "screenshots");
        Files.createDirectories(folder);
        Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** The page now shown passes axe-core's WCAG 2.1 A and AA rules; a failure names each violation and where. */
    public static void assertAccessible(WebDriver browser) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
        assertThat(results.getViolations())
                .as(
                        "axe-core WCAG 2.1 AA violations on %s:%n%s",
                        browser.getCurrentUrl(), describe(results.getViolations()))
                .isEmpty();
        assertThat(results.getPasses()).as("axe-core ran its rules").isNotEmpty();
    }

    private static String describe(List<Rule> violations) {
        return violations.stream()
                .map(v -> "- " + v.getId() + ": " + v.getHelp() + " "
                        + v.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget()))
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }
}
