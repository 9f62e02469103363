package se.motesdagen.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.motesdagen.platform.test.MutableClock;

/** Two instances and one job: one runs it, the other skips, and a dead holder's lease is taken over. */
class JobLeaseTests {

    static MongoServer server;
    static MongoClient client;

    private final MutableClock clock = new MutableClock(Instant.parse("2027-06-01T10:00:00Z"));
    private MongoTemplate mongo;
    private JobLease first;
    private JobLease second;

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void setUp() {
        mongo = new MongoTemplate(client, "lease-tests");
        mongo.dropCollection(JobLease.COLLECTION);
        first = new JobLease(mongo, clock, "first");
        second = new JobLease(mongo, clock, "second");
    }

    @Test
    void theHolderRenewsItsLeaseAndTheOtherInstanceSkipsUntilItRunsOut() {
        assertThat(first.acquire("reminders", Duration.ofMinutes(2))).isTrue();
        assertThat(second.acquire("reminders", Duration.ofMinutes(2))).isFalse();
        assertThat(second.acquire("bounces", Duration.ofMinutes(2)))
                .as("another job is free")
                .isTrue();

        clock.advance(Duration.ofMinutes(1));
        assertThat(first.acquire("reminders", Duration.ofMinutes(2)))
                .as("renewed")
                .isTrue();
        clock.advance(Duration.ofSeconds(90));
        assertThat(second.acquire("reminders", Duration.ofMinutes(2)))
                .as("the renewed lease still holds")
                .isFalse();

        // the holder died: its lease runs out, and the other takes it over; the old holder is fenced out
        clock.advance(Duration.ofSeconds(31));
        assertThat(second.acquire("reminders", Duration.ofMinutes(2))).isTrue();
        assertThat(first.holds("reminders")).isFalse();
        assertThat(second.holds("reminders")).isTrue();
        assertThat(first.acquire("reminders", Duration.ofMinutes(2))).isFalse();
    }

    @Test
    void aReleasedLeaseIsFreeAtOnce() {
        assertThat(first.acquire("reminders", Duration.ofMinutes(5))).isTrue();
        second.release("reminders");
        assertThat(second.acquire("reminders", Duration.ofMinutes(5)))
                .as("only the holder can release")
                .isFalse();

        first.release("reminders");

        assertThat(second.acquire("reminders", Duration.ofMinutes(5))).isTrue();
    }

    @Test
    void ofManyInstancesAskingAtOnceExactlyOneGetsTheLease() throws Exception {
        int instances = 8;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            JobLease instance = new JobLease(mongo, clock, "instance-" + i);
            answers.add(pool.submit(() -> {
                start.await();
                return instance.acquire("reminders", Duration.ofMinutes(2));
            }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> answer : answers) {
            winners += answer.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(winners).isEqualTo(1);
    }
}
