package se.motesdagen.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Puts the settings every service shares ({@code motesdagen-defaults.yml}: the consumers' retries and
 * dead-letter topics, the observations left out, the actuator, the trusted proxies) behind all of a
 * service's own configuration. A service's {@code application.yml}, its profiles, the environment and
 * the command line all come first, so a service says only what is its own and can still change a
 * default; the four services no longer carry four copies that drift.
 *
 * <p>Runs after the config data is loaded, so the defaults end up last, behind even
 * {@link SpringApplication#setDefaultProperties}.
 */
public final class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    static final String NAME = "motesdagen-defaults";
    private static final ClassPathResource FILE =
            new ClassPathResource(NAME + ".yml", PlatformDefaults.class.getClassLoader());

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MutablePropertySources sources = environment.getPropertySources();
        if (sources.contains(NAME)) {
            return; // a second run for the same environment (a test context's refresh) adds nothing twice
        }
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(NAME, FILE)) {
                sources.addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The platform's " + FILE.getPath() + " cannot be read", e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
