package se.motesdagen.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise of the local stack's store, tested the way it breaks: the store runs as its own process,
 * writers hammer it from several threads, the process gets SIGKILL mid-load, and after a restart on the
 * same file every write it acknowledged is there.
 */
class DurableStoreTests {

    private static final int WRITERS = 4;

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedWriteSurvivesSigkillOfTheStoreProcess() throws Exception {
        int port = freePort();
        Process store = startStore(port);
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        killWhileWriting(
                store,
                port,
                "registration",
                "registrations",
                (registrations, writer) -> {
                    for (int i = 0; i < 100_000; i++) {
                        String id = writer + "-" + i;
                        registrations.insertOne(new Document("_id", id).append("n", i));
                        acknowledged.add(id);
                    }
                },
                () -> acknowledged.size() >= 300);

        Process again = startStore(port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> registrations =
                    client.getDatabase("registration").getCollection("registrations");
            List<String> kept = new ArrayList<>();
            registrations.find().map(d -> d.getString("_id")).into(kept);
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);
            assertThat(kept).containsAll(new ArrayList<>(acknowledged));
        } finally {
            again.destroy();
            again.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The same promise while the housekeeping copies live pages out of old chunks: writers update the
     * same documents over and over (so old chunks fall mostly dead), the store is killed once it has
     * said it moved pages, and every document holds at least the last value acknowledged for it.
     */
    @Test
    void acknowledgedUpdatesSurviveSigkillWhileOldChunksAreEmptied() throws Exception {
        int port = freePort();
        Path log = Files.createTempFile(data, "store", ".log");
        Process store = startStore(port, log);
        int documents = 200;
        AtomicLongArray acknowledged = new AtomicLongArray(documents);
        killWhileWriting(
                store,
                port,
                "notification",
                "messages",
                (messages, writer) -> {
                    for (long value = 1; ; value++) {
                        for (int d = writer; d < documents; d += WRITERS) {
                            messages.replaceOne(
                                    new Document("_id", "m-" + d),
                                    new Document("_id", "m-" + d)
                                            .append("v", value)
                                            .append("body", "x".repeat(300)),
                                    new ReplaceOptions().upsert(true));
                            acknowledged.set(d, value);
                        }
                    }
                },
                () -> Files.readString(log).contains("passes moved pages"));

        Process again = startStore(port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> messages =
                    client.getDatabase("notification").getCollection("messages");
            for (int d = 0; d < documents; d++) {
                Document kept = messages.find(new Document("_id", "m-" + d)).first();
                assertThat(kept).as("document m-%d", d).isNotNull();
                assertThat(kept.getLong("v")).as("value of m-%d", d).isGreaterThanOrEqualTo(acknowledged.get(d));
            }
        } finally {
            again.destroy();
            again.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** What one of the writers does, until a write fails because the store is gone. */
    @FunctionalInterface
    private interface Writer {
        void write(MongoCollection<Document> collection, int writer);
    }

    /**
     * Runs {@value #WRITERS} writers against the store and SIGKILLs it (no shutdown hook, no flush) once
     * {@code killWhen} holds; returns when every writer has seen the store go.
     */
    private static void killWhileWriting(
            Process store, int port, String database, String collection, Writer writer, Callable<Boolean> killWhen)
            throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port
                + "/?serverSelectionTimeoutMS=2000&socketTimeoutMS=2000&connectTimeoutMS=1000")) {
            MongoCollection<Document> target = client.getDatabase(database).getCollection(collection);
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int n = w;
                running.add(writers.submit(() -> {
                    try {
                        writer.write(target, n);
                    } catch (RuntimeException storeGone) {
                        // the write in flight was not acknowledged, so it promises nothing
                    }
                }));
            }
            await().atMost(Duration.ofSeconds(90)).until(killWhen);
            store.destroyForcibly();
            store.waitFor(10, TimeUnit.SECONDS);
            for (Future<?> each : running) {
                each.get(30, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }
    }

    private Process startStore(int mongoPort) throws Exception {
        return startStore(mongoPort, Files.createTempFile(data, "store", ".log"));
    }

    private Process startStore(int mongoPort, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), DevInfra.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("MOTESDAGEN_DATA", data.toString());
        builder.environment().put("MONGO_PORT", String.valueOf(mongoPort));
        builder.environment().put("SMTP_PORT", String.valueOf(freePort()));
        builder.environment().put("IMAP_PORT", String.valueOf(freePort()));
        builder.environment().put("INBOX_PORT", String.valueOf(freePort()));
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + freePort()); // no broker: topics wait
        Process process = builder.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> isListening(mongoPort));
        return process;
    }

    private static boolean isListening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
