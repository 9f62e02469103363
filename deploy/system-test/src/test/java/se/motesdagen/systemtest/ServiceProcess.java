package se.motesdagen.systemtest;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One service jar running as its own JVM, as in the local stack, with its output in a log file, and its
 * actuator on a management port of its own, as in production.
 */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final int managementPort;
    private final String contextPath;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, int managementPort, String contextPath, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.contextPath = contextPath;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(Path root, String name, String contextPath, Map<String, String> env)
            throws IOException {
        Path jar = root.resolve(name).resolve("target").resolve(name + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build the services first; missing " + jar);
        }
        int port = freePort();
        int managementPort = freePort();
        Path log = root.resolve("deploy/system-test/target").resolve(name + ".log");
        Files.createDirectories(log.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(
                List.of(java, "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort));
        return new ServiceProcess(name, port, managementPort, contextPath, builder.start(), log);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + contextPath + path;
    }

    /** An actuator endpoint, on the management port (no context path there): {@code /actuator/prometheus}. */
    String managementUrl(String path) {
        return "http://127.0.0.1:" + managementPort + path;
    }

    void awaitReady(HttpClient http, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> isReady(http));
    }

    private boolean isReady(HttpClient http) throws InterruptedException {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " stopped during start; see " + log);
        }
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(managementUrl("/actuator/health/readiness")))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /** The lines of this service's log that mention the text, e.g. a trace id. */
    List<String> logLinesWith(String text) throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.contains(text)).toList();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
