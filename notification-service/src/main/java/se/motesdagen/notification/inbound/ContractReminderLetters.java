package se.motesdagen.notification.inbound;

import java.util.Optional;
import org.springframework.stereotype.Component;
import se.motesdagen.notification.mail.Letter;
import se.motesdagen.notification.reminders.ReminderLetters;
import se.motesdagen.notification.reminders.Reminders;
import tools.jackson.databind.json.JsonMapper;

/** A due reminder's letter, made from the reading of the event that was stored with it (ContractReminders). */
@Component
class ContractReminderLetters implements ReminderLetters {

    private final JsonMapper json;

    ContractReminderLetters(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Optional<Letter> letterFor(String template, String payload) {
        return switch (template) {
            case Reminders.TEMPLATE ->
                Optional.of(
                        RegistrationLetters.reminder(json.readValue(payload, RegistrationContract.Confirmed.class)));
            case Reminders.VISIT_TEMPLATE ->
                Optional.of(VisitLetters.reminder(json.readValue(payload, VisitContract.Visit.class)));
            default -> Optional.empty();
        };
    }
}
