package se.motesdagen.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fault drill: against a running local stack, registers invented companies through the API at a
 * steady rate and confirms each by the link in its e-mail, SIGKILLs the chosen process (or all of them)
 * in the middle, lets the supervisor bring it back, and then checks every registration the API accepted
 * with 201: it is in the registration store, its contact has exactly one confirm e-mail and exactly one
 * confirmation e-mail (read over IMAP), and the visit request and the feedback participant exist. Prints
 * accepted, lost and duplicated; exits 1 on any loss or duplicate. Talks only to localhost.
 */
public final class FaultDrill {

    static final String BASE = "http://localhost:8080";
    static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    static final String CONFIRM_SUBJECT = "Bekräfta din anmälan";
    static final String CONFIRMED_SUBJECT = "Välkommen till";
    static final Pattern LINK = Pattern.compile("http://localhost:8080/anmalan/bekrafta\\?token=[A-Za-z0-9_-]+");

    record Accepted(String registrationId, String email) {}

    public static void main(String[] args) throws Exception {
        String target = args.length > 0 ? args[0] : "all";
        int count = Integer.parseInt(args.length > 1 ? args[1] : "300");
        int rate = Integer.parseInt(args.length > 2 ? args[2] : "30");
        Path root = Path.of(System.getProperty("motesdagen.root", ".")).toAbsolutePath();
        Path mailArchive = Path.of(System.getenv()
                        .getOrDefault("MOTESDAGEN_DATA", root.resolve(".data").toString()))
                .resolve("mail");
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager()) // the CSRF cookie of the confirm page
                .connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        System.out.printf(
                "Fault drill %s: %d registrations at %d/s, SIGKILL of '%s' after %d s%n",
                RUN, count, rate, target, count / rate / 3);

        Map<String, Accepted> accepted = new ConcurrentHashMap<>();
        Set<String> confirmed = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        Instant start = Instant.now();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        Thread confirmer =
                Thread.ofPlatform().daemon().start(() -> confirmLoop(http, mailArchive, accepted, confirmed));
        AtomicInteger acceptedAfterKill = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        // the planned submissions, then more at the same rate until the stack has taken some again after
        // the kill (at most two minutes more), so what is accepted after a restart is checked too
        Instant overtime = null;
        for (int n = 0; ; n++) {
            if (n >= count) {
                overtime = overtime == null ? Instant.now().plus(Duration.ofMinutes(2)) : overtime;
                if (acceptedAfterKill.get() >= 10 || Instant.now().isAfter(overtime)) {
                    break;
                }
            }
            sleepUntil(start.plusMillis(n * 1000L / rate));
            if (!killed.get() && n >= count / 3) {
                kill(root, target);
                killed.set(true);
            }
            int i = n;
            boolean afterKill = killed.get();
            clients.submit(() -> {
                try {
                    HttpResponse<String> response = http.send(register(i), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 201) {
                        Matcher id = Pattern.compile("\"registrationId\":\"([^\"]+)\"")
                                .matcher(response.body());
                        id.find();
                        accepted.put(email(i), new Accepted(id.group(1), email(i)));
                        if (afterKill) {
                            acceptedAfterKill.incrementAndGet();
                        }
                    } else {
                        refused.incrementAndGet();
                    }
                } catch (Exception e) {
                    refused.incrementAndGet(); // no answer is no promise: not counted as accepted
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(2, TimeUnit.MINUTES);
        System.out.printf(
                "Submitted: %d accepted (201), %d of them after the kill; %d refused or unanswered during the outage%n",
                accepted.size(), acceptedAfterKill.get(), refused.get());

        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (confirmed.size() < accepted.size() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        confirmer.interrupt();
        System.out.printf("Confirmed by link: %d of %d%n", confirmed.size(), accepted.size());
        Thread.sleep(5000); // let the last confirmations travel through Kafka

        int lost = 0;
        int duplicated = 0;
        List<String> problems = new ArrayList<>();
        Instant settle = Instant.now().plus(Duration.ofMinutes(2));
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:27017")) {
            for (Accepted a : accepted.values()) {
                String problem;
                while ((problem = check(mongo, a)) != null
                        && !problem.startsWith("duplicate")
                        && Instant.now().isBefore(settle)) {
                    Thread.sleep(1000);
                }
                if (problem != null) {
                    problems.add(a.email() + ": " + problem);
                    if (problem.startsWith("duplicate")) {
                        duplicated++;
                    } else {
                        lost++;
                    }
                }
            }
        }
        problems.stream().limit(20).forEach(p -> System.out.println("  " + p));
        System.out.printf(
                "Repeats: %d mail(s) sent again after a crash with the Message-ID the recipient already had"
                        + " (kept out of the inbox, as Gmail and Exchange do; see README)%n",
                repeats(mailArchive));
        System.out.printf(
                "RESULT target=%s accepted=%d lost=%d duplicated=%d%n", target, accepted.size(), lost, duplicated);
        System.exit(lost + duplicated == 0 && !accepted.isEmpty() ? 0 : 1);
    }

    /** Null when everything the registration promised happened exactly once, otherwise what did not. */
    private static String check(MongoClient mongo, Accepted a) throws Exception {
        if (mongo.getDatabase("registration")
                        .getCollection("registrations")
                        .countDocuments(Filters.eq("_id", a.registrationId()))
                != 1) {
            return "lost: not in the registration store";
        }
        List<String> subjects = subjects(a.email());
        long confirmRequests =
                subjects.stream().filter(s -> s.startsWith(CONFIRM_SUBJECT)).count();
        long confirmations =
                subjects.stream().filter(s -> s.startsWith(CONFIRMED_SUBJECT)).count();
        if (confirmRequests > 1 || confirmations > 1) {
            return "duplicate: " + confirmRequests + " confirm e-mails, " + confirmations + " confirmations";
        }
        if (confirmRequests == 0) {
            return "lost: no confirm e-mail";
        }
        if (confirmations == 0) {
            return "lost: no confirmation e-mail";
        }
        if (mongo.getDatabase("visit")
                        .getCollection("visitRequests")
                        .countDocuments(Filters.eq("_id", a.registrationId()))
                != 1) {
            return "lost: no visit request";
        }
        if (mongo.getDatabase("feedback")
                        .getCollection("participants")
                        .countDocuments(Filters.eq("_id", a.registrationId()))
                != 1) {
            return "lost: no participant";
        }
        return null;
    }

    /** The subjects in the address's IMAP inbox (user = password = the address on the local stack). */
    private static List<String> subjects(String address) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", 3143, address, address);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                subjects.add(m.getSubject());
            }
            inbox.close(false);
            return subjects;
        } finally {
            store.close();
        }
    }

    /** Deliveries the inbox kept apart because the recipient already had that Message-ID. */
    private static long repeats(Path archive) throws IOException {
        try (var files = Files.list(archive)) {
            return files.filter(f -> f.toString().endsWith(".eml"))
                    .filter(f -> {
                        try {
                            return Files.readString(f, StandardCharsets.UTF_8)
                                    .contains("X-Motesdagen-Repeat-Of: drill-" + RUN + "-");
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .count();
        }
    }

    /** Opens the confirm link of every registration whose confirm e-mail has arrived in the archive. */
    private static void confirmLoop(
            HttpClient http, Path archive, Map<String, Accepted> accepted, Set<String> confirmed) {
        Set<Path> seen = ConcurrentHashMap.newKeySet();
        while (!Thread.currentThread().isInterrupted()) {
            try (var files = Files.list(archive)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                    if (!seen.contains(file)) {
                        if (confirmFrom(http, file, accepted, confirmed)) {
                            seen.add(file);
                        }
                    }
                }
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                // the archive is being written; look again
            }
        }
    }

    /** As a person does: open the link, then press the button on its page (a form POST with its CSRF token). */
    private static HttpResponse<String> pressConfirm(HttpClient http, String link) throws Exception {
        HttpResponse<String> page =
                http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        if (page.statusCode() != 200 || !csrf.find()) {
            return page; // already confirmed (no button), or the stack is coming back
        }
        String form = "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&token="
                + URLEncoder.encode(link.substring(link.indexOf("token=") + "token=".length()), StandardCharsets.UTF_8);
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:8080/anmalan/bekrafta"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean confirmFrom(
            HttpClient http, Path file, Map<String, Accepted> accepted, Set<String> confirmed) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher to = Pattern.compile("X-Motesdagen-Delivered-To: (\\S+)").matcher(text);
            if (!to.find() || !to.group(1).contains("-" + RUN + "-")) {
                return true; // not ours
            }
            if (!accepted.containsKey(to.group(1))) {
                return false; // the 201 may not be recorded yet
            }
            Matcher link = LINK.matcher(text.replace("=\r\n", "").replace("=3D", "="));
            if (!link.find() || confirmed.contains(to.group(1))) {
                return true;
            }
            HttpResponse<String> response = pressConfirm(http, link.group());
            if (response.statusCode() == 200) {
                confirmed.add(to.group(1));
                return true;
            }
            return false; // the stack is coming back: try again
        } catch (Exception e) {
            return false;
        }
    }

    private static void kill(Path root, String target) throws Exception {
        if (target.equals("smtp")) {
            // not a crash: the mail server is away for a minute while registrations keep coming
            run(root, "smtp", "off");
            System.out.printf("[%s] SMTP taken away for 60 s%n", Instant.now());
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    Thread.sleep(60_000);
                    run(root, "smtp", "on");
                    System.out.printf("[%s] SMTP back%n", Instant.now());
                } catch (Exception e) {
                    System.out.printf("Could not bring SMTP back: %s%n", e);
                }
            });
            return;
        }
        Process kill = new ProcessBuilder(root.resolve("deploy/local/run").toString(), "kill", target)
                .inheritIO()
                .start();
        kill.waitFor(30, TimeUnit.SECONDS);
        System.out.printf("[%s] SIGKILL sent to %s%n", Instant.now(), target);
    }

    private static void run(Path root, String... command) throws Exception {
        String[] full = new String[command.length + 1];
        full[0] = root.resolve("deploy/local/run").toString();
        System.arraycopy(command, 0, full, 1, command.length);
        new ProcessBuilder(full).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
    }

    private static String email(int n) {
        return "drill-" + RUN + "-" + n + "@drill.example";
    }

    private static HttpRequest register(int n) {
        String body = """
                {"companyName":"Övningsbolaget %s-%d AB","organisationNumber":"%s","contactName":"Dora Drill",
                 "email":"%s","attendees":[{"name":"Dora Drill","sessionIds":["upphandling"]}],"wantsVisit":true,
                 "visitAddress":"Övningsgatan %d, Nyköping","visitTopics":"Bygglov","consent":true}
                """.formatted(RUN, n, RegistrationBenchmark.organisationNumber(n + 500_000), email(n), n);
        return HttpRequest.newBuilder(URI.create(BASE + "/api/events/stora-motesdagen-2027/registrations"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        long wait = Duration.between(Instant.now(), moment).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
