package se.motesdagen.platform.messaging;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads CloudEvents from Kafka messages and checks each body against the contract schema of its type,
 * which the build copies from {@code contracts/} onto the classpath. A consumer asks for the one type
 * it handles; other types on the topic are skipped, so new event types never break old consumers.
 */
public class IncomingEvents {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private final JsonMapper json;
    private final TransientRetry retry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    public IncomingEvents(JsonMapper json, TransientRetry retry) {
        this.json = json;
        this.retry = retry;
    }

    /**
     * A consumer for one event type: reads and checks the CloudEvent, maps its body to this service's
     * own record of the contract, and hands both to the handler. Other types on the topic are skipped.
     * While a dependency is away (the store, a broker) the handler is tried again with back-off until
     * it succeeds, so a valid event never reaches the dead-letter topic for a passing outage; an event
     * that breaks its contract goes there at once ({@link InvalidEventException}).
     */
    public <T> Consumer<Message<byte[]>> consumer(String type, Class<T> readAs, BiConsumer<IncomingEvent, T> handler) {
        return message -> read(message, type).ifPresent(event -> {
            T body;
            try {
                body = json.treeToValue(event.data(), readAs);
            } catch (JacksonException e) {
                throw new InvalidEventException("Event " + event.id() + " cannot be read as " + readAs.getSimpleName()
                        + ": " + e.getOriginalMessage());
            }
            retry.run(event, () -> handler.accept(event, body));
        });
    }

    /**
     * One consumer for several types of a topic, each read into its own record: for events of one
     * aggregate that must be handled in the order they were published (a visit scheduled, moved, then
     * cancelled), which separate consumer groups would not keep. Types not named are skipped.
     */
    public Routes routes() {
        return new Routes();
    }

    /** The types one consumer handles; {@link #consumer()} makes it. */
    public final class Routes {

        private final Map<String, Consumer<Message<byte[]>>> byType = new LinkedHashMap<>();

        private Routes() {}

        public <T> Routes on(String type, Class<T> readAs, BiConsumer<IncomingEvent, T> handler) {
            byType.put(type, IncomingEvents.this.consumer(type, readAs, handler));
            return this;
        }

        public Consumer<Message<byte[]>> consumer() {
            Map<String, Consumer<Message<byte[]>>> routes = Map.copyOf(byType);
            return message -> {
                String type = attribute(message, "type");
                if (type == null || type.isBlank()) {
                    throw new InvalidEventException("Not a CloudEvent: no ce_type header");
                }
                Consumer<Message<byte[]>> route = routes.get(type);
                if (route != null) {
                    route.accept(message);
                }
            };
        }
    }

    /** The event when it is of the wanted type and valid; empty for other types; throws when not a valid CloudEvent. */
    public Optional<IncomingEvent> read(Message<byte[]> message, String wantedType) {
        String type = attribute(message, "type");
        if (type == null || type.isBlank()) {
            throw new InvalidEventException("Not a CloudEvent: no ce_type header");
        }
        if (!wantedType.equals(type)) {
            return Optional.empty();
        }
        String id = attribute(message, "id");
        if (id == null || id.isBlank()) {
            throw new InvalidEventException("Event of type " + type + " without ce_id");
        }
        JsonNode data;
        try {
            data = json.readTree(message.getPayload());
        } catch (JacksonException e) {
            throw new InvalidEventException("Event " + id + " is not JSON: " + e.getOriginalMessage());
        }
        List<Error> errors = schema(type).validate(data);
        if (!errors.isEmpty()) {
            throw new InvalidEventException("Event " + id + " breaks the " + type + " contract: " + errors);
        }
        return Optional.of(
                new IncomingEvent(id, type, attribute(message, "source"), attribute(message, "subject"), data));
    }

    private Schema schema(String type) {
        return schemas.computeIfAbsent(type, t -> {
            try (InputStream in = IncomingEvents.class.getResourceAsStream("/contracts/schemas/" + t + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("No contract schema on the classpath for " + t);
                }
                return SCHEMAS.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * A CloudEvents attribute from the headers. Producers write {@code ce_type}; Spring's binder may
     * present it as {@code ce-type}, as a String or as raw bytes depending on who produced it.
     */
    static String attribute(Message<?> message, String name) {
        for (String header : List.of("ce_" + name, "ce-" + name)) {
            Object value = message.getHeaders().get(header);
            if (value instanceof byte[] bytes) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
            if (value != null) {
                return value.toString();
            }
        }
        return null;
    }
}
