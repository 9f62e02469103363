package se.motesdagen.notification.inbound;

import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Component;
import se.motesdagen.platform.messaging.IncomingEvent;
import se.motesdagen.platform.messaging.InvalidEventException;
import se.motesdagen.platform.security.LinkSeal;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Opens the links that events carry sealed (RegistrationSubmitted v2 and the like) into the field of
 * this service's reading that the letters use, so a v2 event is mailed exactly as its v1 was. The opened
 * link lives only in memory, on its way into the mail; what is stored of the message has it redacted.
 */
@Component
class SealedLinks {

    private final LinkSeal seal;
    private final JsonMapper json;

    SealedLinks(LinkSeal seal, JsonMapper json) {
        this.seal = seal;
        this.json = json;
    }

    /**
     * A handler of a registration event's body that opens {@code sealedField} (bound to its
     * {@code registrationId}) into {@code urlField}, reads the body as {@code readAs} and hands it on.
     */
    <T> BiConsumer<IncomingEvent, JsonNode> opening(
            String sealedField, String urlField, Class<T> readAs, BiConsumer<IncomingEvent, T> handler) {
        return opening("registrationId", Map.of(sealedField, urlField), readAs, handler);
    }

    /**
     * The same for any event: each sealed field (bound to the value of {@code contextField}) is opened
     * into its URL field, only under a key of the service the event's type names (a link in a
     * registration event sealed by any other service's key does not open). A link that cannot be opened
     * never will be: the event goes to the dead-letter topic.
     */
    <T> BiConsumer<IncomingEvent, JsonNode> opening(
            String contextField,
            Map<String, String> urlFieldBySealedField,
            Class<T> readAs,
            BiConsumer<IncomingEvent, T> handler) {
        return (event, data) -> {
            ObjectNode body = (ObjectNode) data.deepCopy();
            String context = body.path(contextField).asString("");
            urlFieldBySealedField.forEach((sealedField, urlField) -> {
                JsonNode sealed = body.remove(sealedField);
                if (sealed != null && sealed.isString()) {
                    try {
                        body.put(urlField, seal.open(sealed.asString(), context, producerOf(event.type())));
                    } catch (LinkSeal.UnopenableLinkException e) {
                        throw new InvalidEventException(
                                "Event " + event.id() + ", " + sealedField + ": " + e.getMessage());
                    }
                }
            });
            T reading;
            try {
                reading = json.treeToValue(body, readAs);
            } catch (JacksonException e) {
                throw new InvalidEventException("Event " + event.id() + " cannot be read as " + readAs.getSimpleName()
                        + ": " + e.getOriginalMessage());
            }
            handler.accept(event, reading);
        };
    }

    /** {@code se.motesdagen.registration.submitted.v2} → {@code registration}. */
    static String producerOf(String type) {
        String[] parts = type == null ? new String[0] : type.split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }
}
