package se.motesdagen.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.StaffTokens;

/**
 * The four services, each its own JVM from its built jar, on an embedded KRaft broker, the
 * MongoDB-compatible server and an SMTP server; the journey as a person makes it: form → confirm
 * e-mail → link → confirmation e-mail → visit request and participant. They talk only through Kafka.
 */
class JourneySystemTests {

    static final Path ROOT = Path.of(System.getProperty("motesdagen.root", "../.."))
            .toAbsolutePath()
            .normalize();
    /** A planner's access token as the gateway relays it; the services fetch the key from {@link #keys}. */
    static final String STAFF = "Bearer " + StaffTokens.tokenFor(StaffRole.PLANNER);

    static HttpServer keys;

    /** An OpenTelemetry collector as far as the services can tell: it keeps every OTLP trace export. */
    static HttpServer collector;

    static final List<byte[]> exportedSpans = new CopyOnWriteArrayList<>();

    static EmbeddedKafkaBroker kafka;
    static MongoServer mongo;
    static GreenMail mail;
    static final List<ServiceProcess> services = new ArrayList<>();
    static ServiceProcess registration;
    static ServiceProcess visit;
    static ServiceProcess notification;
    static ServiceProcess feedback;
    static final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeAll
    static void startEverything() throws Exception {
        kafka = new EmbeddedKafkaKraftBroker(1, 2, "registration.events");
        kafka.afterPropertiesSet();
        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress mongoAddress = mongo.bind();
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        keys = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keys.createContext("/oauth2/jwks", exchange -> {
            byte[] body = StaffTokens.publicKeys().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        keys.start();
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            exportedSpans.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();

        Map<String, String> common = Map.of(
                "MOTESDAGEN_STAFF_JWKSETURI",
                "http://127.0.0.1:" + keys.getAddress().getPort() + "/oauth2/jwks",
                "MOTESDAGEN_LOCAL_STACK",
                "true",
                "KAFKA_BOOTSTRAP_SERVERS",
                kafka.getBrokersAsString(),
                "KAFKA_PARTITIONS",
                "2",
                "MOTESDAGEN_METRICS_STOREDCOUNTSINTERVAL",
                "PT3S",
                "SMTP_HOST",
                "127.0.0.1",
                "SMTP_PORT",
                String.valueOf(mail.getSmtp().getPort()),
                "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces");
        String mongoUri = "mongodb://" + mongoAddress.getHostString() + ":" + mongoAddress.getPort() + "/";

        registration = start(
                "registration-service",
                "",
                with(
                        common,
                        Map.of(
                                "MONGODB_URI",
                                mongoUri + "registration",
                                "SEED_DEMO_DAY",
                                "true",
                                // its log as production writes it: JSON lines with the trace ids
                                "SPRING_PROFILES_ACTIVE",
                                "production",
                                "PUBLIC_BASE_URL",
                                "http://motesdagen.test",
                                // production asks for SASL over TLS; the embedded broker is plaintext
                                "KAFKA_SECURITY_PROTOCOL",
                                "PLAINTEXT")));
        visit = start("visit-service", "/besok", with(common, Map.of("MONGODB_URI", mongoUri + "visit")));
        notification = start(
                "notification-service", "/utskick", with(common, Map.of("MONGODB_URI", mongoUri + "notification")));
        feedback =
                start("feedback-service", "/aterkoppling", with(common, Map.of("MONGODB_URI", mongoUri + "feedback")));
        for (ServiceProcess service : services) {
            service.awaitReady(http, Duration.ofMinutes(3));
        }
    }

    @AfterAll
    static void stopEverything() {
        services.forEach(ServiceProcess::close);
        if (keys != null) {
            keys.stop(0);
        }
        if (collector != null) {
            collector.stop(0);
        }
        if (mail != null) {
            mail.stop();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
        if (kafka != null) {
            kafka.destroy();
        }
    }

    @Test
    void aBusinessRegistersConfirmsByEmailAndEveryServiceHearsOfItOnce() throws Exception {
        String email = "kontakt@systemtest-snickeri.example";
        String page = get(registration.url("/evenemang/stora-motesdagen-2027")).body();
        assertThat(page).contains("Stora Mötesdagen 2027").contains("Kompetensförsörjning");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf(page));
        form.put("companyName", "Systemtestets Snickeri AB");
        form.put("organisationNumber", "556123-4567");
        form.put("contactName", "Sara Systemsson");
        form.put("email", email);
        form.put("attendees[0].name", "Sara Systemsson");
        form.put("attendees[0].sessionIds", "bygglov-och-tillstand");
        form.put("attendees[1].name", "Sam Systemsson");
        form.put("attendees[1].sessionIds", "bygglov-och-tillstand");
        form.put("wantsVisit", "true");
        form.put("visitAddress", "Hyvelvägen 12, Nyköping");
        form.put("visitTopics", "Bygglov för ny verkstadshall");
        form.put("consent", "true");
        String submitTrace = newTraceId();
        HttpResponse<String> submitted = post(registration.url("/evenemang/stora-motesdagen-2027"), form, submitTrace);
        assertThat(submitted.statusCode()).isEqualTo(302);
        assertThat(submitted.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/tack"));

        MimeMessage confirmRequest = awaitMail(email, "Bekräfta din anmälan till Stora Mötesdagen 2027");
        String link = firstLink(textPart(confirmRequest));
        String path = URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery();

        // opening the link shows the button; pressing it (a POST with the page's CSRF token) confirms
        String confirmPage = get(registration.url(path)).body();
        assertThat(confirmPage).contains("Bekräfta anmälan");
        String confirmTrace = newTraceId();
        String token = path.substring(path.indexOf("token=") + "token=".length());
        assertThat(post(
                                registration.url("/anmalan/bekrafta"),
                                Map.of("_csrf", csrf(confirmPage), "token", token),
                                confirmTrace)
                        .body())
                .contains("Anmälan är bekräftad");
        assertThat(get(registration.url(path)).body()).contains("Anmälan är redan bekräftad");

        awaitMail(email, "Välkommen till Stora Mötesdagen 2027 – din anmälan är bekräftad");
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        staffPage(visit.url("/personal/besoksforfragningar")).contains("Hyvelvägen 12, Nyköping"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> staffPage(feedback.url("/personal/deltagare")).contains("Systemtestets Snickeri AB"));
        // a host's token is checked by the service against the provider's published key, and refused here
        assertThat(http.send(
                                HttpRequest.newBuilder(URI.create(registration.url("/personal/anmalningar")))
                                        .header("Authorization", "Bearer " + StaffTokens.tokenFor(StaffRole.HOST))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(403);
        assertThat(staffPage(registration.url("/personal/anmalningar")))
                .contains("556123-4567")
                .contains("Bekräftad");

        // each click is one trace, carried through the outbox and Kafka into every service that acted on it
        assertThat(registration.logLinesWith(submitTrace))
                .anyMatch(l -> l.contains("submitted"))
                .allMatch(l -> l.startsWith("{") && l.contains("\"traceId\":\"" + submitTrace + "\""));
        assertThat(notification.logLinesWith(submitTrace)).anyMatch(l -> l.contains("Queued confirm-request"));
        assertThat(registration.logLinesWith(confirmTrace)).anyMatch(l -> l.contains("confirmed"));
        assertThat(notification.logLinesWith(confirmTrace)).anyMatch(l -> l.contains("Queued confirmation"));
        assertThat(visit.logLinesWith(confirmTrace)).anyMatch(l -> l.contains("Visit request recorded"));
        assertThat(feedback.logLinesWith(confirmTrace)).anyMatch(l -> l.contains("Participant recorded"));
        // and exported with OpenTelemetry: the confirmation's trace reaches the collector from all four services
        byte[] confirmTraceId = HexFormat.of().parseHex(confirmTrace);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        List.of("registration-service", "notification-service", "visit-service", "feedback-service")
                                .stream()
                                .allMatch(service -> exportedSpans.stream()
                                        .anyMatch(export -> contains(export, confirmTraceId)
                                                && contains(export, service.getBytes(StandardCharsets.UTF_8)))));

        // the broker delivers at least once: the same RegistrationConfirmed again must not mean a second e-mail
        TopicPartitionOffset duplicate =
                republish("registration.events", "se.motesdagen.registration.confirmed.v2", email);
        await().atMost(Duration.ofSeconds(60)).until(() -> committedPast("notification-registration", duplicate));
        await().atMost(Duration.ofSeconds(60)).until(() -> committedPast("visit-request", duplicate));
        assertThat(mailsTo(email))
                .extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder(
                        "Bekräfta din anmälan till Stora Mötesdagen 2027",
                        "Välkommen till Stora Mötesdagen 2027 – din anmälan är bekräftad");
        assertThat(count(staffPage(visit.url("/personal/besoksforfragningar")), "Hyvelvägen 12, Nyköping"))
                .isEqualTo(1);
        assertThat(count(staffPage(feedback.url("/personal/deltagare")), "Systemtestets Snickeri AB"))
                .isEqualTo(1);

        // ADMIN erases the business; every service erases its copy and says so, and the registration's
        // page shows the erasure complete only when all of them have
        Matcher listed = Pattern.compile(
                        "href=\"/personal/anmalningar/([0-9a-f-]{36})\"[^>]*>Systemtestets Snickeri AB")
                .matcher(staffPage(registration.url("/personal/anmalningar")));
        assertThat(listed.find())
                .as("the registration's link on the staff list")
                .isTrue();
        String detail = registration.url("/personal/anmalningar/" + listed.group(1));
        String admin = "Bearer " + StaffTokens.tokenFor(StaffRole.ADMIN);

        // before that, what every service holds about the company (GDPR art. 15): asked through events,
        // answered by all four, one document within a minute
        String accessPage = http.send(
                        HttpRequest.newBuilder(URI.create(registration.url("/personal/registerutdrag")))
                                .header("Authorization", admin)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        HttpResponse<String> asked = http.send(
                HttpRequest.newBuilder(URI.create(registration.url("/personal/registerutdrag")))
                        .header("Authorization", admin)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "vem=556123-4567&_csrf=" + URLEncoder.encode(csrf(accessPage), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(302);
        String document = registration.url(
                URI.create(asked.headers().firstValue("Location").orElseThrow()).getPath());
        long askedAt = System.nanoTime();
        String answered = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> http.send(
                                        HttpRequest.newBuilder(URI.create(document))
                                                .header("Authorization", admin)
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body(),
                        body -> body.contains("Alla delar av systemet har svarat"));
        System.out.printf(
                "Access request answered by all four services in %d ms%n", (System.nanoTime() - askedAt) / 1_000_000);
        assertThat(answered)
                .contains("Systemtestets Snickeri AB") // the registration, here
                .contains("Hyvelvägen 12") // the visit request, from the visit service
                .contains("Välkommen till Stora Mötesdagen 2027") // the mails, from the notification service
                .contains("Deltagare (för enkäter efteråt)"); // the participant, from the feedback service
        String detailPage = http.send(
                        HttpRequest.newBuilder(URI.create(detail))
                                .header("Authorization", admin)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        HttpResponse<String> erased = http.send(
                HttpRequest.newBuilder(URI.create(detail + "/radera"))
                        .header("Authorization", admin)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "sure=true&_csrf=" + URLEncoder.encode(csrf(detailPage), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> http.send(
                                HttpRequest.newBuilder(URI.create(detail))
                                        .header("Authorization", admin)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body()
                        .contains("Raderingen är klar"));
        assertThat(staffPage(visit.url("/personal/besoksforfragningar"))).doesNotContain("Hyvelvägen 12, Nyköping");
        assertThat(staffPage(feedback.url("/personal/deltagare"))).doesNotContain("Systemtestets Snickeri AB");

        // after the whole journey, every metric a dashboard panel or an alert rule reads is served
        everyMetricTheDashboardsAndAlertsReadIsServed();
    }

    /** The dashboards and alert rules of deploy/observability against what the four services serve now. */
    private void everyMetricTheDashboardsAndAlertsReadIsServed() throws Exception {
        Set<String> served = new TreeSet<>();
        for (ServiceProcess service : services) {
            // the actuator answers on the management port only, not on the port the gateway forwards to
            HttpResponse<String> onServicePort = get(service.url("/actuator/prometheus"));
            assertThat(onServicePort.statusCode()).isNotEqualTo(200);
            assertThat(onServicePort.body()).doesNotContain("jvm_memory");
            String scrape = get(service.managementUrl("/actuator/prometheus")).body();
            scrape.lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0])
                    .forEach(served::add);
        }
        var files = new ObservabilityFiles(ROOT.resolve("deploy/observability"));
        List<ObservabilityFiles.Panel> panels = files.panels();
        assertThat(panels).hasSizeGreaterThanOrEqualTo(12);
        List<String> queries = new ArrayList<>();
        for (ObservabilityFiles.Panel panel : panels) {
            assertThat(panel.queries())
                    .as(panel.dashboard() + " / " + panel.title())
                    .isNotEmpty();
            assertThat(panel.datasource()).as(panel.title()).isEqualTo("prometheus");
            queries.addAll(panel.queries());
        }
        List<String> alerts = files.alertQueries();
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(5);
        queries.addAll(alerts);
        for (String query : queries) {
            Set<String> read = ObservabilityFiles.metricsIn(query);
            read.remove("up"); // Prometheus's own, of every scrape
            assertThat(served).as(query).containsAll(read);
        }
    }

    @Test
    void everyServiceServesTheSameHeaderAndStylesheetFromThePlatform() throws Exception {
        Map<ServiceProcess, String> staffPages = Map.of(
                registration, "/personal/anmalningar",
                visit, "/personal/besoksforfragningar",
                notification, "/personal/meddelanden",
                feedback, "/personal/deltagare");
        String referenceHeader = header(staffPage(registration.url("/personal/anmalningar")));
        String referenceCss = get(registration.url("/css/app.css")).body();
        assertThat(referenceHeader).contains("Hoppa till innehållet").contains("/besok/personal/besoksforfragningar");
        assertThat(referenceCss).contains(".site-header");
        for (var page : staffPages.entrySet()) {
            assertThat(header(staffPage(page.getKey().url(page.getValue()))))
                    .as(page.getValue())
                    .isEqualTo(referenceHeader);
            assertThat(get(page.getKey().url("/css/app.css")).body()).isEqualTo(referenceCss);
        }
    }

    @Test
    void readingThePublicPageCreatesNoSessionTheFormTokenLivesInACookie() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(registration.url("/evenemang/stora-motesdagen-2027")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        List<String> cookies = page.headers().allValues("Set-Cookie");
        assertThat(cookies).anyMatch(c -> c.startsWith("XSRF-TOKEN="));
        assertThat(cookies).noneMatch(c -> c.startsWith("MD_REGISTRATION_SESSION=") || c.startsWith("JSESSIONID="));
    }

    @Test
    void aPathNoServiceListsAsPublicNeedsAStaffLogin() throws Exception {
        for (ServiceProcess service : services) {
            assertThat(get(service.url("/nagot-nytt-som-ingen-oppnat")).statusCode())
                    .as(service.url("/nagot-nytt-som-ingen-oppnat"))
                    .isEqualTo(401);
        }
    }

    private static String header(String page) {
        Matcher m = Pattern.compile("<header.*?</header>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("a site header").isTrue();
        return m.group();
    }

    private static ServiceProcess start(String name, String contextPath, Map<String, String> env) throws Exception {
        ServiceProcess service = ServiceProcess.start(ROOT, name, contextPath, env);
        services.add(service);
        return service;
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new LinkedHashMap<>(a);
        all.putAll(b);
        return all;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET that starts the trace we name, as a browser behind an instrumented proxy would. */
    private static HttpResponse<String> get(String url, String traceId) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("traceparent", traceParent(traceId))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Whether the bytes hold the other bytes (an OTLP export holds the trace id and service name as they are). */
    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String newTraceId() {
        return HexFormat.of().formatHex(SecureRandom.getSeed(16));
    }

    private static String traceParent(String traceId) {
        return "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";
    }

    private static String staffPage(String url) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", STAFF)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> post(String url, Map<String, String> form, String traceId) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("traceparent", traceParent(traceId))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("CSRF field on the form").isTrue();
        return m.group(1);
    }

    private static String firstLink(String text) {
        Matcher m = Pattern.compile("https?://\\S+/anmalan/bekrafta\\?token=[A-Za-z0-9_-]+")
                .matcher(text);
        assertThat(m.find()).as("confirm link in %s", text).isTrue();
        return m.group();
    }

    private static MimeMessage awaitMail(String to, String subject) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> mailsTo(to).stream()
                                .filter(m -> subjectOf(m).equals(subject))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static List<MimeMessage> mailsTo(String to) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(RecipientType.TO))
                                .anyMatch(a -> a.toString().equals(to));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** Sends the stored event of this type whose body mentions the marker again, headers and all; returns its new offset. */
    private static TopicPartitionOffset republish(String topic, String type, String marker) throws Exception {
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        ConsumerRecord<byte[], byte[]> original = null;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(5))) {
                String ceType =
                        new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
                if (ceType.contains(type) && new String(record.value(), StandardCharsets.UTF_8).contains(marker)) {
                    original = record;
                }
            }
        }
        assertThat(original).as("the %s event on %s", type, topic).isNotNull();
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig)) {
            RecordMetadata sent = producer.send(new ProducerRecord<>(
                            topic, original.partition(), original.key(), original.value(), original.headers()))
                    .get();
            return new TopicPartitionOffset(new TopicPartition(topic, sent.partition()), sent.offset());
        }
    }

    /** True once the group has committed past the record: it has handled it, one way or the other. */
    private static boolean committedPast(String group, TopicPartitionOffset record) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .get(record.partition());
            return committed != null && committed.offset() > record.offset();
        }
    }

    record TopicPartitionOffset(TopicPartition partition, long offset) {}

    /** The plain-text part of a mail, as a person reading plain text sees it. */
    private static String textPart(Part part) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = textPart(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
            return null;
        }
        return part.isMimeType("text/plain") ? part.getContent().toString() : null;
    }
}
