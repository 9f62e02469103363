package se.motesdagen.notification.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every template rendered with the example of the event that asks for it (the contract's own example,
 * shipped in the service), in the language asked for: what staff see before a mail goes out to
 * hundreds, by the very code that makes the real mail.
 */
@Component
class TemplatePreviews {

    private final Map<String, Preview<?>> previews = new LinkedHashMap<>();
    private final JsonMapper json;
    private final MailTemplates templates;

    TemplatePreviews(JsonMapper json, MailTemplates templates) {
        this.json = json;
        this.templates = templates;
        add(
                "confirm-request",
                RegistrationEvents.SUBMITTED_V1,
                RegistrationEvents.Submitted.class,
                RegistrationLetters::confirmRequest);
        add(
                "confirmation",
                RegistrationEvents.CONFIRMED_V1,
                RegistrationEvents.Confirmed.class,
                RegistrationLetters::confirmation);
        add("changed", RegistrationEvents.UPDATED_V1, RegistrationEvents.Confirmed.class, RegistrationLetters::changed);
        add(
                "manage-link",
                RegistrationEvents.MANAGE_LINK_SENT_V1,
                RegistrationEvents.ManageLinkSent.class,
                RegistrationLetters::manageLink);
        add(
                "cancellation",
                RegistrationEvents.CANCELLED_V1,
                RegistrationEvents.Cancelled.class,
                RegistrationLetters::cancellation);
        add(
                "waitlist-promoted",
                RegistrationEvents.WAITLIST_PROMOTED_V1,
                RegistrationEvents.WaitlistPromoted.class,
                RegistrationLetters::waitlistPromoted);
    }

    List<String> templates() {
        return List.copyOf(previews.keySet());
    }

    /** The template as the example event would make it, in Swedish ("sv") or English ("en"). */
    Optional<MailTemplates.Rendered> render(String template, String language) {
        Preview<?> preview = previews.get(template);
        return preview == null ? Optional.empty() : Optional.of(preview.render("en".equals(language) ? "en" : "sv"));
    }

    private <T> void add(String template, String type, Class<T> readAs, Function<T, Letter> letter) {
        previews.put(template, new Preview<>(type, readAs, letter));
    }

    private final class Preview<T> {
        private final String type;
        private final Class<T> readAs;
        private final Function<T, Letter> letter;

        Preview(String type, Class<T> readAs, Function<T, Letter> letter) {
            this.type = type;
            this.readAs = readAs;
            this.letter = letter;
        }

        MailTemplates.Rendered render(String language) {
            ObjectNode example = (ObjectNode) json.readTree(example(type));
            example.put("language", language);
            Letter made = letter.apply(json.treeToValue(example, readAs));
            Map<String, Object> model = new LinkedHashMap<>(made.model());
            model.put("calendarAttached", true);
            return templates.render(made.template(), made.locale(), model);
        }
    }

    private static String example(String type) {
        try (InputStream in = new ClassPathResource("contracts/examples/" + type + ".json").getInputStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("No contract example for " + type, e);
        }
    }
}
