package se.motesdagen.notification.inbound;

import java.time.ZoneId;
import org.springframework.stereotype.Component;
import se.motesdagen.notification.reminders.Reminders;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reminders that events ask for, kept with this service's reading of the event (its links taken
 * out); {@link ContractReminderLetters} makes the letter from that reading when a reminder is due.
 */
@Component
class ContractReminders {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private final Reminders reminders;
    private final JsonMapper json;

    ContractReminders(Reminders reminders, JsonMapper json) {
        this.reminders = reminders;
        this.json = json;
    }

    /** A confirmation or a change of a registration: the reminder before the day. */
    void schedule(RegistrationContract.Confirmed registration) {
        ObjectNode stored = json.valueToTree(registration);
        stored.remove("manageUrl");
        reminders.beforeTheDay(
                registration.registrationId(), registration.eventDate(), registration.changedAt(), stored.toString());
    }

    /** A visit given its time or moved: the reminder on the morning of the visit's day. */
    void schedule(VisitContract.Visit visit) {
        ObjectNode stored = json.valueToTree(visit);
        stored.remove("confirmUrl");
        stored.remove("changeRequestUrl");
        reminders.onTheMorningOf(
                visit.visitId(),
                visit.registrationId(),
                visit.startsAt().atZoneSameInstant(STOCKHOLM).toLocalDate(),
                visit.changedAt(),
                stored.toString());
    }
}
