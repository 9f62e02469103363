package se.motesdagen.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

/** The consumer plumbing: what is retried until it works, what goes to the dead-letter topic at once. */
class IncomingEventsTests {

    static final String TYPE = "se.motesdagen.test.happened.v1";
    static final String UNDONE = "se.motesdagen.test.undone.v1";

    private final IncomingEvents incoming = new IncomingEvents(
            JsonMapper.builder().build(), new TransientRetry(Duration.ofMillis(1), Duration.ofMillis(4)));

    record Happened(String name) {}

    @Test
    void aHandlerWhoseStoreIsAwayIsTriedAgainUntilTheStoreIsBack() {
        AtomicInteger attempts = new AtomicInteger();
        List<String> handled = new ArrayList<>();

        incoming.consumer(TYPE, Happened.class, (event, body) -> {
                    if (attempts.incrementAndGet() <= 6) {
                        throw new DataAccessResourceFailureException("store away", new ConnectException());
                    }
                    handled.add(event.id() + ":" + body.name());
                })
                .accept(message(TYPE, "{\"name\":\"x\"}"));

        assertThat(attempts).hasValue(7);
        assertThat(handled).containsExactly("e-1:x");
    }

    @Test
    void anyOtherFailureIsLeftToTheBindingsRetriesAndTheDeadLetterTopic() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> incoming.consumer(TYPE, Happened.class, (event, body) -> {
                            attempts.incrementAndGet();
                            throw new IllegalStateException("a bug");
                        })
                        .accept(message(TYPE, "{\"name\":\"x\"}")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void anEventThatBreaksItsContractIsRefusedBeforeTheHandlerRuns() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> incoming.consumer(TYPE, Happened.class, (event, body) -> attempts.incrementAndGet())
                        .accept(message(TYPE, "{\"name\":\"\"}")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("e-1");
        assertThat(attempts).hasValue(0);
    }

    @Test
    void otherTypesOnTheTopicAreSkipped() {
        AtomicInteger attempts = new AtomicInteger();

        incoming.consumer(TYPE, Happened.class, (event, body) -> attempts.incrementAndGet())
                .accept(message("se.motesdagen.test.other.v1", "{}"));

        assertThat(attempts).hasValue(0);
    }

    record Undone(String reason) {}

    @Test
    void oneConsumerForSeveralTypesReadsEachIntoItsOwnRecordInTheOrderTheyCome() {
        List<String> handled = new ArrayList<>();
        var consumer = incoming.routes()
                .on(TYPE, Happened.class, (event, body) -> handled.add("happened:" + body.name()))
                .on(UNDONE, Undone.class, (event, body) -> handled.add("undone:" + body.reason()))
                .consumer();

        consumer.accept(message(TYPE, "{\"name\":\"x\"}"));
        consumer.accept(message("se.motesdagen.test.other.v1", "{}"));
        consumer.accept(message(UNDONE, "{\"reason\":\"y\"}"));

        assertThat(handled).containsExactly("happened:x", "undone:y");
        assertThatThrownBy(() -> consumer.accept(message(UNDONE, "{\"name\":\"x\"}")))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() ->
                        consumer.accept(MessageBuilder.withPayload(new byte[0]).build()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("ce_type");
    }

    @Test
    void transientMeansTheDependencyIsAwayNotThatTheEventIsBad() {
        assertThat(TransientRetry.isTransient(new DataAccessResourceFailureException("down")))
                .isTrue();
        assertThat(TransientRetry.isTransient(new RuntimeException(new ConnectException())))
                .isTrue();
        assertThat(TransientRetry.isTransient(new InvalidEventException("bad"))).isFalse();
        assertThat(TransientRetry.isTransient(new IllegalArgumentException("bug")))
                .isFalse();
    }

    private static Message<byte[]> message(String type, String body) {
        return MessageBuilder.withPayload(body.getBytes(StandardCharsets.UTF_8))
                .setHeader("ce_type", type.getBytes(StandardCharsets.UTF_8))
                .setHeader("ce_id", "e-1")
                .build();
    }
}
