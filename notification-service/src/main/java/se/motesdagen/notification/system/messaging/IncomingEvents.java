package se.motesdagen.notification.system.messaging;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads CloudEvents from Kafka messages and checks each body against the contract schema of its type,
 * which the build copies from {@code contracts/} onto the classpath. A consumer asks for the one type
 * it handles; other types on the topic are skipped, so new event types never break old consumers.
 */
@Component
public class IncomingEvents {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private final JsonMapper json;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    public IncomingEvents(JsonMapper json) {
        this.json = json;
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
