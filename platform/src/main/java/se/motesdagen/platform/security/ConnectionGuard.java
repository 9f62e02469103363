package se.motesdagen.platform.security;

import com.mongodb.ConnectionString;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start a service in production (the {@code production} profile, outside the local stack)
 * while any of its connections is plaintext or unauthenticated, and names each one: Kafka (SASL over
 * TLS, or TLS with a client certificate), MongoDB (credentials, or an X.509 certificate, over TLS), and
 * the mail server and the bounce mailbox where the service has them (STARTTLS required or TLS, with a
 * user; IMAP over TLS). The local stack is
 * plaintext on loopback by design. A server that keeps the infrastructure on a private network of its
 * own (the compose file) may say so with {@code motesdagen.connections.plaintext-allowed=true}: then each
 * is logged as a warning instead.
 */
public final class ConnectionGuard {

    private static final Logger log = LoggerFactory.getLogger(ConnectionGuard.class);

    private ConnectionGuard() {}

    /** Throws with every plaintext or unauthenticated connection named, in production. */
    public static void check(Environment environment) {
        if (!environment.acceptsProfiles(Profiles.of("production"))
                || environment.getProperty("motesdagen.local-stack", Boolean.class, false)) {
            return;
        }
        List<String> problems = problems(environment);
        if (problems.isEmpty()) {
            return;
        }
        if (environment.getProperty("motesdagen.connections.plaintext-allowed", Boolean.class, false)) {
            problems.forEach(problem -> log.warn("Plaintext allowed by configuration: {}", problem));
            return;
        }
        throw new IllegalStateException("Refusing to start in production on an unprotected connection: "
                + String.join("; ", problems) + ". See the README, \"Outside the local stack\".");
    }

    static List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        kafka(environment, problems);
        mongo(environment, problems);
        mail(environment, problems);
        bounceMailbox(environment, problems);
        return problems;
    }

    private static void kafka(Environment environment, List<String> problems) {
        String protocol = environment
                .getProperty(
                        "spring.kafka.security.protocol",
                        environment.getProperty("spring.kafka.properties.security.protocol", "PLAINTEXT"))
                .toUpperCase(Locale.ROOT);
        switch (protocol) {
            case "SASL_SSL" -> {
                String mechanism = environment.getProperty("spring.kafka.properties.sasl.mechanism", "");
                String jaas = environment.getProperty("spring.kafka.properties.sasl.jaas.config", "");
                if (mechanism.isBlank()
                        || jaas.isBlank()
                        || jaas.contains("username=\"\"")
                        || jaas.contains("password=\"\"")) {
                    problems.add("Kafka uses SASL_SSL without credentials (KAFKA_USERNAME, KAFKA_PASSWORD)");
                }
            }
            case "SSL" -> {
                if (!environment.containsProperty("spring.kafka.ssl.key-store-location")
                        && !environment.containsProperty("spring.kafka.ssl.bundle")) {
                    problems.add("Kafka uses SSL without a client certificate (spring.kafka.ssl.key-store-location"
                            + " or spring.kafka.ssl.bundle): encrypted, but anyone may connect");
                }
            }
            default ->
                problems.add(
                        "Kafka is reached over " + protocol
                                + " (KAFKA_SECURITY_PROTOCOL): use SASL_SSL with SCRAM credentials, or SSL with a client certificate");
        }
    }

    private static void mongo(Environment environment, List<String> problems) {
        String uri = environment.getProperty("spring.mongodb.uri");
        if (uri == null) {
            return;
        }
        ConnectionString connection;
        try {
            connection = new ConnectionString(uri);
        } catch (IllegalArgumentException unreadable) {
            problems.add("MongoDB's URI (MONGODB_URI) cannot be read");
            return;
        }
        if (!Boolean.TRUE.equals(connection.getSslEnabled())) {
            problems.add("MongoDB (MONGODB_URI) is reached without TLS: add tls=true, or use mongodb+srv://");
        }
        if (connection.getCredential() == null) {
            problems.add(
                    "MongoDB (MONGODB_URI) is reached without credentials: user:password@ or an X.509 certificate");
        }
    }

    /** The mailbox the mail server returns undeliverable mail to, where a service reads it. */
    private static void bounceMailbox(Environment environment, List<String> problems) {
        if (environment.getProperty("motesdagen.mail.bounces.host", "").isBlank()) {
            return;
        }
        if (!"imaps".equals(environment.getProperty("motesdagen.mail.bounces.protocol", "imaps"))) {
            problems.add("the bounce mailbox (BOUNCE_IMAP_HOST) is read without TLS: BOUNCE_IMAP_PROTOCOL=imaps");
        }
        if (environment.getProperty("motesdagen.mail.bounces.password", "").isBlank()) {
            problems.add("the bounce mailbox (BOUNCE_IMAP_HOST) is read without a password (BOUNCE_IMAP_PASSWORD)");
        }
    }

    private static void mail(Environment environment, List<String> problems) {
        if (!environment.containsProperty("spring.mail.host")) {
            return;
        }
        boolean tls =
                environment.getProperty("spring.mail.properties.mail.smtp.starttls.required", Boolean.class, false)
                        || environment.getProperty("spring.mail.properties.mail.smtp.ssl.enable", Boolean.class, false);
        if (!tls) {
            problems.add("the mail server (SMTP_HOST) is reached without STARTTLS required or TLS");
        }
        String user = environment.getProperty("spring.mail.username", "");
        if (user.isBlank()) {
            problems.add("the mail server (SMTP_HOST) is reached without a user (SMTP_USERNAME, SMTP_PASSWORD)");
        }
    }
}
