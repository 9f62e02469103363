package se.motesdagen.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Services share no code, so each carries its own copy of the page frame (header, footer, stylesheet).
 * Every page must still show one navigation header: this keeps the copies identical, so a change to
 * one that is not made to all fails the build.
 */
class SharedLookTests {

    static final Path ROOT = JourneySystemTests.ROOT;
    static final List<String> SERVICES =
            List.of("registration-service", "visit-service", "notification-service", "feedback-service");

    @ParameterizedTest
    @ValueSource(
            strings = {"src/main/resources/templates/fragments/layout.html", "src/main/resources/static/css/app.css"})
    void everyServiceCarriesTheSameCopy(String file) throws IOException {
        String reference = Files.readString(ROOT.resolve(SERVICES.getFirst()).resolve(file));
        for (String service : SERVICES) {
            assertThat(Files.readString(ROOT.resolve(service).resolve(file)))
                    .as("%s in %s", file, service)
                    .isEqualTo(reference);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages_sv.properties", "messages_en.properties"})
    void theTextsOfTheFrameAreTheSameInEveryService(String bundle) throws IOException {
        Properties reference = load(SERVICES.getFirst(), bundle);
        List<String> frameKeys = reference.stringPropertyNames().stream()
                .filter(k -> k.startsWith("app.") || k.startsWith("nav.") || k.startsWith("footer."))
                .toList();
        assertThat(frameKeys).contains("nav.staff", "footer.accessibility");
        for (String service : SERVICES) {
            Properties messages = load(service, bundle);
            for (String key : frameKeys) {
                assertThat(messages.getProperty(key))
                        .as("%s in %s/%s", key, service, bundle)
                        .isEqualTo(reference.getProperty(key));
            }
        }
    }

    private static Properties load(String service, String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(
                ROOT.resolve(service).resolve("src/main/resources").resolve(bundle))) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
