package se.motesdagen.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;

/**
 * Refuses to start a service outside the local stack while a secret or an address still has its
 * development value, or none: the identity provider staff sign in with, the public base URL that goes into every e-mail
 * link, and whatever the service adds under {@code motesdagen.production-checks}; and the actuator
 * endpoints (health, metrics) must be on a management port of their own, not on the port the gateway
 * forwards to. The local stack says
 * who it is with {@code motesdagen.local-stack=true} ({@code MOTESDAGEN_LOCAL_STACK}), which its run
 * script sets; nothing else should.
 */
final class StartupGuard {

    /** Property, the environment variable that sets it, and its development value. */
    record Check(String property, String variable, String developmentValue) {}

    static final List<Check> PLATFORM_CHECKS = List.of(
            new Check("motesdagen.staff.issuer", "MOTESDAGEN_STAFF_ISSUER", "http://localhost:9000"),
            new Check("motesdagen.public-base-url", "PUBLIC_BASE_URL", "http://localhost:8080"));

    private StartupGuard() {}

    /** Throws with every offending setting named, unless this is the local stack. */
    static void check(Environment environment) {
        if (environment.getProperty("motesdagen.local-stack", Boolean.class, false)) {
            return;
        }
        List<Check> checks = new ArrayList<>(PLATFORM_CHECKS);
        for (int i = 0; environment.containsProperty("motesdagen.production-checks[" + i + "].property"); i++) {
            String prefix = "motesdagen.production-checks[" + i + "].";
            checks.add(new Check(
                    environment.getProperty(prefix + "property"),
                    environment.getProperty(prefix + "variable", ""),
                    environment.getProperty(prefix + "development-value", "")));
        }
        List<String> problems = new ArrayList<>();
        for (Check check : checks) {
            String value = environment.getProperty(check.property());
            if (value == null || value.isBlank()) {
                problems.add(check.property() + " (" + check.variable() + ") is missing");
            } else if (value.equals(check.developmentValue()) || (isAddress(check.property()) && isLocal(value))) {
                problems.add(check.property() + " (" + check.variable() + ") still has its development value");
            }
        }
        String management = environment.getProperty("management.server.port", "");
        if (management.isBlank() || management.equals(environment.getProperty("server.port", "8080"))) {
            problems.add("management.server.port (MANAGEMENT_SERVER_PORT) is not a port of its own: the actuator's"
                    + " health and metrics would be served on the service's port");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start outside the local stack: " + String.join("; ", problems)
                    + ". Set them in the environment (or MOTESDAGEN_LOCAL_STACK=true on a developer machine).");
        }
    }

    private static boolean isAddress(String property) {
        return property.endsWith("url") || property.endsWith("issuer");
    }

    private static boolean isLocal(String url) {
        return List.of("localhost", "127.0.0.1", "[::1]").stream().anyMatch(host -> url.contains("://" + host));
    }
}
