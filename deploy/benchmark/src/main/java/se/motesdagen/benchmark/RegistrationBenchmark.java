package se.motesdagen.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Submits invented registrations through the JSON API of the running local stack and reports: API
 * latency percentiles and throughput; the lag from a stored registration to its RegistrationSubmitted
 * on Kafka (the outbox relay); the time until the notification service has sent every confirm e-mail;
 * and the memory of each process. Bounded in count and time; only talks to localhost.
 */
public final class RegistrationBenchmark {

    static final String BASE = "http://localhost:8080";
    static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    /**
     * How long one request may wait for its answer: longer than the gateway's own read timeout (60 s,
     * which answers 504), so a stack that holds a request for ever fails that request, not the whole run.
     */
    static final Duration ANSWER_WITHIN =
            Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCHMARK_ANSWER_WITHIN_SECONDS", "90")));

    public static void main(String[] args) throws Exception {
        int registrations = Integer.parseInt(args.length > 0 ? args[0] : "2000");
        int concurrency = Integer.parseInt(args.length > 1 ? args[1] : "8");
        // with a rate, submissions are sent on a fixed schedule (open loop), as real traffic arrives
        int rate = Integer.parseInt(args.length > 2 ? args[2] : "0");
        // the session every registration's first attendee chooses (a 35-seat one, so the line grows by
        // one a registration: a hard test of the seats), or "-" for none, to see the path without them
        String session = args.length > 3 ? args[3] : "upphandling";
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        double mailsBefore = metric(
                http,
                BASE.replace("8080", "8083") + "/utskick/actuator/prometheus",
                "motesdagen_mail_sent_total",
                "outcome=\"sent\"",
                "template=\"confirm-request\"");

        System.out.printf(
                "Mötesdagen registration benchmark: %d registrations, %d concurrent clients, run %s%n",
                registrations, concurrency, RUN);
        warmUp(http);
        Map<String, Long> cpuBefore = cpuTicks();
        Map<String, Long> jitBefore = compilerTicks();
        Duration ownCpuBefore = ownCpu();

        List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
        Map<String, Instant> acceptedAt = new ConcurrentHashMap<>();
        Map<String, Instant> submittedAt = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        Instant start = Instant.now();
        try (ExecutorService clients = Executors.newFixedThreadPool(concurrency)) {
            for (int i = 0; i < registrations; i++) {
                int n = i;
                if (rate > 0) {
                    long wait = Duration.between(Instant.now(), start.plusMillis(n * 1000L / rate))
                            .toMillis();
                    if (wait > 0) {
                        Thread.sleep(wait);
                    }
                }
                clients.submit(() -> {
                    long t0 = System.nanoTime();
                    submittedAt.put(email(n), Instant.now());
                    try {
                        HttpResponse<String> response =
                                http.send(register(n, session), HttpResponse.BodyHandlers.ofString());
                        latenciesMicros.add((System.nanoTime() - t0) / 1000);
                        if (response.statusCode() == 201) {
                            acceptedAt.put(registrationId(response.body()), Instant.now());
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (Exception e) {
                        refused.incrementAndGet();
                    }
                });
            }
        }
        Duration elapsed = Duration.between(start, Instant.now());
        System.out.printf(
                "API  accepted %d, refused or failed %d, in %.1f s = %.0f registrations/s%n",
                acceptedAt.size(),
                refused.get(),
                elapsed.toMillis() / 1000.0,
                acceptedAt.size() * 1000.0 / Math.max(1, elapsed.toMillis()));
        System.out.printf("API  latency ms: %s%n", percentiles(latenciesMicros, 1000.0));
        if (refused.get() > 0) {
            System.out.println("     (refusals: is the stack running with RATE_LIMIT_SUBMISSIONS=1000000?)");
        }

        System.out.printf(
                "Kafka outbox lag ms (stored → on registration.events): %s%n",
                percentiles(outboxLagMillis(acceptedAt.keySet()), 1.0));

        Instant mailDeadline = Instant.now().plus(Duration.ofMinutes(5));
        double target = mailsBefore + acceptedAt.size();
        double sent;
        while ((sent = metric(
                                http,
                                BASE.replace("8080", "8083") + "/utskick/actuator/prometheus",
                                "motesdagen_mail_sent_total",
                                "outcome=\"sent\"",
                                "template=\"confirm-request\""))
                        < target
                && Instant.now().isBefore(mailDeadline)) {
            // once a second: a scrape costs the notification service about 20 ms of CPU (every Kafka
            // client metric), which polled five times a second showed in its CPU figure
            Thread.sleep(1000);
        }
        Duration toMail = Duration.between(start, Instant.now());
        System.out.printf(
                "Mail %d of %d confirm e-mails sent %.1f s after the first submission (%.0f e-mails/s)%n",
                (long) (sent - mailsBefore),
                acceptedAt.size(),
                toMail.toMillis() / 1000.0,
                (sent - mailsBefore) * 1000.0 / toMail.toMillis());

        Map<String, Long> delivered = deliveredMillis(submittedAt, acceptedAt.size());
        System.out.printf(
                "Mail submit → confirm e-mail delivered to the inbox, ms: %s%n",
                percentiles(List.copyOf(delivered.values()), 1.0));
        byTenthOfTheRun(submittedAt, delivered);

        Map<String, Long> cpuAfter = cpuTicks();
        Map<String, Long> jitAfter = compilerTicks();
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(
                "CPU during the run (%.0f s, %d cores = %.0f core-seconds available):%n",
                seconds, cores, cores * seconds);
        double stackSeconds = 0;
        double servicesSeconds = 0;
        double servicesJitSeconds = 0;
        int accepted = Math.max(1, acceptedAt.size());
        for (var process : cpuAfter.entrySet()) {
            double used = (process.getValue() - cpuBefore.getOrDefault(process.getKey(), 0L)) / 100.0;
            double jit = compiledBetween(process.getKey(), jitBefore, jitAfter) / 100.0;
            stackSeconds += used;
            if (OURS.contains(process.getKey())) {
                servicesSeconds += used;
                servicesJitSeconds += jit;
            }
            System.out.printf(
                    "  %-24s %6.1f core-seconds (%4.0f %% of one core) %6.2f core-ms per registration,"
                            + " of which the JIT compiler %5.2f%n",
                    process.getKey(), used, 100 * used / seconds, 1000 * used / accepted, 1000 * jit / accepted);
        }
        double ownSeconds = ownCpu().minus(ownCpuBefore).toMillis() / 1000.0;
        System.out.printf(
                "  %-24s %6.1f core-seconds (%4.0f %% of one core)%n",
                "this benchmark", ownSeconds, 100 * ownSeconds / seconds);
        System.out.printf("  the stack: %.1f ms of CPU per registration%n", 1000 * stackSeconds / accepted);
        System.out.printf(
                "  the four services and the gateway (what production pays; the broker, store, mail server and"
                        + " identity provider run elsewhere there): %.1f ms per registration%n",
                1000 * servicesSeconds / accepted);
        System.out.printf(
                "  the same without the JIT compiler's threads (what an instance pays once its code is compiled):"
                        + " %.1f ms per registration%n",
                1000 * (servicesSeconds - servicesJitSeconds) / accepted);
        System.out.println("Memory (RSS) after the run:");
        memory();
    }

    private static void warmUp(HttpClient http) throws Exception {
        for (int i = 0; i < 50; i++) {
            try {
                http.send(
                        HttpRequest.newBuilder(URI.create(BASE + "/evenemang/stora-motesdagen-2027"))
                                .timeout(ANSWER_WITHIN)
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (HttpTimeoutException e) {
                System.err.printf(
                        "The event page did not answer within %d s through %s: is the stack running and well?%n",
                        ANSWER_WITHIN.toSeconds(), BASE);
                System.exit(1);
            }
        }
    }

    private static String email(int n) {
        return "bench-%s-%d@benchmark.example".formatted(RUN, n);
    }

    /**
     * For each submitted registration whose confirm e-mail reached the inbox: the delivery moment (the
     * mail archive names each delivery by the millisecond it was written, before the SMTP server said
     * 250) minus the moment the API request was sent.
     */
    private static Map<String, Long> deliveredMillis(Map<String, Instant> submittedAt, int expected) throws Exception {
        Path archive = Path.of(System.getenv().getOrDefault("MOTESDAGEN_DATA", ".data"))
                .resolve("mail");
        Pattern deliveredTo = Pattern.compile("X-Motesdagen-Delivered-To: (\\S+)");
        Map<String, Long> latencies = new ConcurrentHashMap<>();
        try (var files = Files.list(archive)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".eml"))
                    .toList()) {
                String head = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                Matcher to = deliveredTo.matcher(head);
                if (to.find() && submittedAt.containsKey(to.group(1))) {
                    long delivered =
                            Long.parseLong(file.getFileName().toString().substring(0, 13));
                    latencies.put(
                            to.group(1),
                            delivered - submittedAt.get(to.group(1)).toEpochMilli());
                }
            }
        }
        if (latencies.size() < expected) {
            System.out.printf(
                    "     (%d of %d confirm e-mails found in the inbox archive)%n", latencies.size(), expected);
        }
        return latencies;
    }

    /**
     * Submit → inbox for each tenth of the run by submission time: shows whether slow mails are spread
     * over the run or bunched at its start (a stack still compiling its hot code) or end (a queue).
     */
    private static void byTenthOfTheRun(Map<String, Instant> submittedAt, Map<String, Long> delivered) {
        if (delivered.isEmpty()) {
            return;
        }
        List<Map.Entry<String, Instant>> inOrder = submittedAt.entrySet().stream()
                .filter(e -> delivered.containsKey(e.getKey()))
                .sorted(Map.Entry.comparingByValue())
                .toList();
        Instant first = inOrder.getFirst().getValue();
        System.out.println("     by tenth of the run (seconds after the first submission: p50 / p99 ms):");
        for (int tenth = 0; tenth < 10; tenth++) {
            List<Map.Entry<String, Instant>> slice =
                    inOrder.subList(tenth * inOrder.size() / 10, (tenth + 1) * inOrder.size() / 10);
            if (slice.isEmpty()) {
                continue;
            }
            List<Long> sorted = new ArrayList<>(
                    slice.stream().map(e -> delivered.get(e.getKey())).sorted().toList());
            System.out.printf(
                    "       %5.1f s  %6d / %6d%n",
                    Duration.between(first, slice.getFirst().getValue()).toMillis() / 1000.0,
                    at(sorted, 0.50),
                    at(sorted, 0.99));
        }
    }

    private static HttpRequest register(int n, String session) {
        String sessions = session.equals("-") ? "" : "\"" + session + "\"";
        String body = """
                {"companyName":"Benchmarkbolag %s-%d AB","organisationNumber":"%s","contactName":"Bengt Bänk",
                 "email":"%s","consent":true,
                 "attendees":[{"name":"Bengt Bänk","sessionIds":[%s]},{"name":"Berit Bänk"}]}
                """.formatted(RUN, n, organisationNumber(n), email(n), sessions);
        return HttpRequest.newBuilder(URI.create(BASE + "/api/events/stora-motesdagen-2027/registrations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(ANSWER_WITHIN)
                .build();
    }

    /** Invented, valid, unique per run and number: 55 + third digit 2–9 + six digits + Luhn. */
    static String organisationNumber(int n) {
        long seed = Math.floorMod((RUN.hashCode() * 1_000_003L) + n, 8_000_000L);
        String nine = "55" + (2 + seed / 1_000_000) + String.format("%06d", seed % 1_000_000);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int d = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d / 10 + d % 10;
        }
        return nine.substring(0, 6) + "-" + nine.substring(6) + (10 - sum % 10) % 10;
    }

    private static String registrationId(String body) {
        Matcher m = Pattern.compile("\"registrationId\":\"([^\"]+)\"").matcher(body);
        return m.find() ? m.group(1) : "?";
    }

    /** For each accepted registration: Kafka's append time of its event minus the moment the API answered. */
    private static List<Long> outboxLagMillis(Set<String> ids) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<Long> lags = new ArrayList<>();
        Pattern submittedAt = Pattern.compile("\"submittedAt\":\"([^\"]+)\"");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor("registration.events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // the relay may still be publishing: read until every accepted registration's event is seen
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (lags.size() < ids.size() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (ids.contains(record.key()) && record.value().contains("\"confirmationLink\"")) {
                        Matcher m = submittedAt.matcher(record.value());
                        if (m.find()) {
                            lags.add(record.timestamp()
                                    - Instant.parse(m.group(1)).toEpochMilli());
                        }
                    }
                }
            }
        }
        return lags;
    }

    private static double metric(HttpClient http, String url, String name, String... labels) {
        try {
            String text = http.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(ANSWER_WITHIN)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            double total = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith(name + "{") && Arrays.stream(labels).allMatch(line::contains)) {
                    total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return total;
        } catch (Exception e) {
            return 0;
        }
    }

    private static String percentiles(List<Long> values, double divisor) {
        if (values.isEmpty()) {
            return "no samples";
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return "p50 %.1f  p95 %.1f  p99 %.1f  max %.1f  (n=%d)"
                .formatted(
                        at(sorted, 0.50) / divisor,
                        at(sorted, 0.95) / divisor,
                        at(sorted, 0.99) / divisor,
                        sorted.getLast() / divisor,
                        sorted.size());
    }

    private static long at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    /** The processes that are Mötesdagen's own, as against the infrastructure the local stack runs beside them. */
    private static final Set<String> OURS =
            Set.of("registration-service", "visit-service", "notification-service", "feedback-service", "gateway");

    /** CPU time this benchmark's own process has used: it runs on the same cores as the stack. */
    private static Duration ownCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** User + system CPU time of each process of the stack so far, in clock ticks (1/100 s). */
    private static Map<String, Long> cpuTicks() throws Exception {
        Map<String, Long> ticks = new TreeMap<>();
        for (var process : stackProcesses().entrySet()) {
            try {
                ticks.merge(process.getKey(), ticksOf(process.getValue()), Long::sum);
            } catch (Exception gone) {
                // ended while we looked
            }
        }
        return ticks;
    }

    /**
     * CPU time of each JIT compiler thread of each stack process so far, keyed "process/thread id", in
     * clock ticks: a JVM compiles its hot code for minutes after a start, and that work is part of the
     * process's figure above while the load runs. Compiler threads come and go (HotSpot starts more when
     * the queue grows), so a thread that ended between the two readings is missed: the figure is a floor.
     */
    private static Map<String, Long> compilerTicks() throws Exception {
        Map<String, Long> ticks = new TreeMap<>();
        for (var process : stackProcesses().entrySet()) {
            try (var threads = Files.list(process.getValue().resolve("task"))) {
                for (Path thread : threads.toList()) {
                    try {
                        String comm = Files.readString(thread.resolve("comm")).strip();
                        if (comm.matches("C[12] CompilerThre.*")) {
                            ticks.put(process.getKey() + "/" + thread.getFileName(), ticksOf(thread));
                        }
                    } catch (Exception gone) {
                        // the thread ended while we looked
                    }
                }
            } catch (Exception gone) {
                // ended while we looked
            }
        }
        return ticks;
    }

    /** The ticks a process's compiler threads used between the two readings. */
    private static long compiledBetween(String process, Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream()
                .filter(thread -> thread.getKey().startsWith(process + "/"))
                .mapToLong(thread -> thread.getValue() - before.getOrDefault(thread.getKey(), 0L))
                .sum();
    }

    /** User + system CPU time of a process or thread ({@code /proc/PID} or {@code /proc/PID/task/TID}), in ticks. */
    private static long ticksOf(Path proc) throws IOException {
        String stat = Files.readString(proc.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The stack's processes by name: each service jar, Kafka and dev-infra. */
    private static Map<String, Path> stackProcesses() throws Exception {
        Pattern name = Pattern.compile("([a-z-]+)-exec\\.jar|kafka\\.Kafka|DevInfra");
        Map<String, Path> found = new TreeMap<>();
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path proc : processes
                    .filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                try {
                    String cmd = Files.readString(proc.resolve("cmdline"), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    Matcher m = name.matcher(cmd);
                    if ((cmd.startsWith("java") || cmd.contains("/java ")) && m.find()) {
                        found.put(m.group(1) != null ? m.group(1) : m.group(), proc);
                    }
                } catch (Exception gone) {
                    // ended while we looked
                }
            }
        }
        return found;
    }

    private static void memory() throws Exception {
        for (var process : stackProcesses().entrySet()) {
            try {
                String rss = Files.readAllLines(process.getValue().resolve("status")).stream()
                        .filter(l -> l.startsWith("VmRSS"))
                        .findFirst()
                        .orElse("VmRSS: 0 kB");
                long kb = Long.parseLong(rss.replaceAll("\\D", ""));
                System.out.printf("  %-24s %5d MB%n", process.getKey(), kb / 1024);
            } catch (Exception gone) {
                // ended while we looked
            }
        }
    }
}
