package se.motesdagen.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

/** In production every connection is protected, or the service does not start and says which is not. */
class ConnectionGuardTests {

    private static final String SCRAM =
            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"registration-service\" password=\"s3cret\";";

    /** What a service has outside the local stack with none of the settings the README asks for. */
    private static MockEnvironment plaintext() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.mongodb.uri", "mongodb://mongo:27017/registration")
                .withProperty("spring.mail.host", "smtp.example.se")
                .withProperty("motesdagen.mail.bounces.host", "imap.example.se")
                .withProperty("motesdagen.mail.bounces.protocol", "imap");
        environment.setActiveProfiles("production");
        return environment;
    }

    private static MockEnvironment protectedConnections() {
        return plaintext()
                .withProperty("spring.kafka.security.protocol", "SASL_SSL")
                .withProperty("spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-512")
                .withProperty("spring.kafka.properties.sasl.jaas.config", SCRAM)
                .withProperty(
                        "spring.mongodb.uri",
                        "mongodb://registration:s3cret@mongo-0.mongo:27017/registration?replicaSet=rs0&tls=true")
                .withProperty("spring.mail.properties.mail.smtp.starttls.required", "true")
                .withProperty("spring.mail.username", "motesdagen")
                .withProperty("motesdagen.mail.bounces.protocol", "imaps")
                .withProperty("motesdagen.mail.bounces.password", "s3cret");
    }

    @Test
    void inProductionEveryPlaintextOrUnauthenticatedConnectionIsNamedAndTheServiceDoesNotStart() {
        assertThatThrownBy(() -> ConnectionGuard.check(plaintext()))
                .hasMessageContaining("Kafka is reached over PLAINTEXT")
                .hasMessageContaining("MongoDB (MONGODB_URI) is reached without TLS")
                .hasMessageContaining("MongoDB (MONGODB_URI) is reached without credentials")
                .hasMessageContaining("the mail server (SMTP_HOST) is reached without STARTTLS required or TLS")
                .hasMessageContaining("the mail server (SMTP_HOST) is reached without a user")
                .hasMessageContaining("the bounce mailbox (BOUNCE_IMAP_HOST) is read without TLS");
    }

    @Test
    void saslOverTlsWithoutItsUserOrTlsWithoutAClientCertificateIsNotEnough() {
        MockEnvironment emptyUser = protectedConnections()
                .withProperty(
                        "spring.kafka.properties.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"\" password=\"\";");
        assertThatThrownBy(() -> ConnectionGuard.check(emptyUser))
                .hasMessageContaining("Kafka uses SASL_SSL without credentials (KAFKA_USERNAME, KAFKA_PASSWORD)");
        MockEnvironment tlsOnly = protectedConnections().withProperty("spring.kafka.security.protocol", "SSL");
        assertThatThrownBy(() -> ConnectionGuard.check(tlsOnly)).hasMessageContaining("without a client certificate");
        MockEnvironment mutualTls =
                tlsOnly.withProperty("spring.kafka.ssl.key-store-location", "file:/etc/kafka/user.p12");
        assertThatCode(() -> ConnectionGuard.check(mutualTls)).doesNotThrowAnyException();
    }

    @Test
    void protectedConnectionsStartAndSoDoTheLocalStackAndOtherProfiles() {
        assertThatCode(() -> ConnectionGuard.check(protectedConnections())).doesNotThrowAnyException();
        assertThatCode(() -> ConnectionGuard.check(plaintext().withProperty("motesdagen.local-stack", "true")))
                .doesNotThrowAnyException();
        MockEnvironment noProfile = plaintext();
        noProfile.setActiveProfiles();
        assertThatCode(() -> ConnectionGuard.check(noProfile)).doesNotThrowAnyException();
        MockEnvironment srv = protectedConnections()
                .withProperty(
                        "spring.mongodb.uri", "mongodb+srv://registration:s3cret@cluster0.example.net/registration");
        assertThat(ConnectionGuard.problems(srv))
                .as("mongodb+srv is TLS by default")
                .isEmpty();
    }

    @Test
    void aServerThatKeepsItsInfrastructurePrivateMayAllowPlaintextAndIsWarned() {
        assertThatCode(() -> ConnectionGuard.check(
                        plaintext().withProperty("motesdagen.connections.plaintext-allowed", "true")))
                .doesNotThrowAnyException();
    }

    @Test
    void theProductionProfileAsksForSaslOverTlsAndStartTlsAndIsSatisfiedByTheCredentialsTheReadmeNames()
            throws Exception {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");
        new YamlPropertySourceLoader()
                .load("production", new ClassPathResource("application-production.yml"))
                .forEach(production.getPropertySources()::addLast);
        production
                .withProperty("spring.mongodb.uri", "mongodb://visit:s3cret@mongo-0.mongo:27017/visit?tls=true")
                .withProperty("spring.mail.host", "smtp.example.se");
        assertThat(ConnectionGuard.problems(production))
                .containsExactlyInAnyOrder(
                        "Kafka uses SASL_SSL without credentials (KAFKA_USERNAME, KAFKA_PASSWORD)",
                        "the mail server (SMTP_HOST) is reached without a user (SMTP_USERNAME, SMTP_PASSWORD)");

        production
                .withProperty("KAFKA_USERNAME", "visit-service")
                .withProperty("KAFKA_PASSWORD", "s3cret")
                .withProperty("SMTP_USERNAME", "motesdagen");
        assertThat(ConnectionGuard.problems(production)).isEmpty();
    }
}
