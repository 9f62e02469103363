package se.motesdagen.notification.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import se.motesdagen.notification.mail.Letter;
import se.motesdagen.notification.mail.MailTemplates;
import se.motesdagen.notification.mail.TemplatePreviews;
import se.motesdagen.notification.reminders.Reminders;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every template rendered with the example of the event that asks for it (the contract's own example,
 * shipped in the service), in the language asked for: what staff see before a mail goes out to
 * hundreds, by the very code that makes the real mail.
 */
@Component
public class ContractPreviews implements TemplatePreviews {

    private final Map<String, Preview<?>> previews = new LinkedHashMap<>();
    private final JsonMapper json;
    private final MailTemplates templates;

    ContractPreviews(JsonMapper json, MailTemplates templates) {
        this.json = json;
        this.templates = templates;
        add(
                "confirm-request",
                RegistrationContract.SUBMITTED_V1,
                RegistrationContract.Submitted.class,
                RegistrationLetters::confirmRequest);
        add(
                "confirmation",
                RegistrationContract.CONFIRMED_V1,
                RegistrationContract.Confirmed.class,
                RegistrationLetters::confirmation);
        add(
                "changed",
                RegistrationContract.UPDATED_V1,
                RegistrationContract.Confirmed.class,
                RegistrationLetters::changed);
        add(
                "manage-link",
                RegistrationContract.MANAGE_LINK_SENT_V1,
                RegistrationContract.ManageLinkSent.class,
                RegistrationLetters::manageLink);
        add(
                "cancellation",
                RegistrationContract.CANCELLED_V1,
                RegistrationContract.Cancelled.class,
                RegistrationLetters::cancellation);
        add(
                "waitlist-promoted",
                RegistrationContract.WAITLIST_PROMOTED_V1,
                RegistrationContract.WaitlistPromoted.class,
                RegistrationLetters::waitlistPromoted);
        add(
                Reminders.TEMPLATE,
                RegistrationContract.CONFIRMED_V1,
                RegistrationContract.Confirmed.class,
                RegistrationLetters::reminder);
        add("visit-scheduled", VisitContract.SCHEDULED_V1, VisitContract.Visit.class, VisitLetters::scheduled);
        add("visit-rescheduled", VisitContract.RESCHEDULED_V1, VisitContract.Visit.class, VisitLetters::rescheduled);
        add("visit-cancelled", VisitContract.CANCELLED_V1, VisitContract.Visit.class, VisitLetters::cancelled);
        add(Reminders.VISIT_TEMPLATE, VisitContract.SCHEDULED_V1, VisitContract.Visit.class, VisitLetters::reminder);
        add(
                "host-itinerary",
                VisitContract.ITINERARY_PUBLISHED_V1,
                VisitContract.Itinerary.class,
                VisitLetters::itinerary,
                "host");
        add(
                FeedbackLetters.INVITATION,
                FeedbackContract.REQUESTED_V1,
                FeedbackContract.Requested.class,
                FeedbackLetters::requested);
        add(
                FeedbackLetters.REMINDER,
                FeedbackContract.REQUESTED_V1,
                FeedbackContract.Requested.class,
                requested -> FeedbackLetters.requested(withRound(requested, 1)));
        add(
                FeedbackLetters.VOTE,
                FeedbackContract.VOTE_OPENED_V1,
                FeedbackContract.VoteOpened.class,
                FeedbackLetters::voteOpened);
        add(
                FeedbackLetters.FOLLOW_UP,
                FeedbackContract.FOLLOW_UP_PUBLISHED_V1,
                FeedbackContract.FollowUp.class,
                report -> FeedbackLetters.followUp(report).getFirst(),
                "recipients");
    }

    private static FeedbackContract.Requested withRound(FeedbackContract.Requested requested, int round) {
        return new FeedbackContract.Requested(
                requested.invitationId(),
                requested.registrationId(),
                requested.surveyKind(),
                round,
                requested.recipient(),
                requested.language(),
                requested.companyName(),
                requested.about(),
                requested.surveyUrl(),
                requested.closesAt());
    }

    public List<String> templates() {
        return List.copyOf(previews.keySet());
    }

    /** The template as the example event would make it, in Swedish ("sv") or English ("en"). */
    public Optional<MailTemplates.Rendered> render(String template, String language) {
        Preview<?> preview = previews.get(template);
        return preview == null ? Optional.empty() : Optional.of(preview.render("en".equals(language) ? "en" : "sv"));
    }

    private <T> void add(String template, String type, Class<T> readAs, Function<T, Letter> letter) {
        add(template, type, readAs, letter, null);
    }

    /** {@code languageAt}: where the example keeps the recipient's language, when not at its top level. */
    private <T> void add(String template, String type, Class<T> readAs, Function<T, Letter> letter, String languageAt) {
        previews.put(template, new Preview<>(type, readAs, letter, languageAt));
    }

    private final class Preview<T> {
        private final String type;
        private final Class<T> readAs;
        private final Function<T, Letter> letter;
        private final String languageAt;

        Preview(String type, Class<T> readAs, Function<T, Letter> letter, String languageAt) {
            this.type = type;
            this.readAs = readAs;
            this.letter = letter;
            this.languageAt = languageAt;
        }

        public MailTemplates.Rendered render(String language) {
            ObjectNode example = (ObjectNode) json.readTree(example(type));
            if (languageAt == null) {
                example.put("language", language);
            } else if (example.get(languageAt) instanceof ObjectNode holder) {
                holder.put("language", language);
            } else {
                example.get(languageAt).forEach(each -> ((ObjectNode) each).put("language", language));
            }
            Letter made = letter.apply(json.treeToValue(example, readAs));
            Map<String, Object> model = new LinkedHashMap<>(made.model());
            model.put("calendarAttached", true);
            return templates.render(made.template(), made.locale(), model);
        }
    }

    private static String example(String type) {
        try (InputStream in = new ClassPathResource("contracts/examples/" + type + ".json").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("No contract example for " + type, e);
        }
    }
}
