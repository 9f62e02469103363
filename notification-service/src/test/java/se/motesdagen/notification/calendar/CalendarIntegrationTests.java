package se.motesdagen.notification.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import se.motesdagen.notification.NotificationTestBase;
import se.motesdagen.notification.mail.Calendars;
import se.motesdagen.notification.mail.ReceivedMail;
import se.motesdagen.platform.test.CloudEventProducer;
import tools.jackson.databind.node.ObjectNode;

/** The calendar files follow a registration from its confirmation through a change to its cancellation. */
class CalendarIntegrationTests extends NotificationTestBase {

    @Test
    void theCalendarFollowsTheRegistrationFromConfirmationThroughAChangeToTheCancellation() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        String to = "calendar-" + registrationId.substring(0, 8) + "@testbageri.example";
        String dayUid = registrationId + ".dagen@nykoping.example";
        String sessionUid = registrationId + ".kompetensforsorjning@nykoping.example";
        String confirmed = example(CONFIRMED, registrationId, to);
        ObjectNode updated = (ObjectNode) JSON.readTree(example(UPDATED, registrationId, to));
        updated.putArray("sessions");
        updated.putArray("places");
        updated.withArray("participants").forEach(p -> ((ObjectNode) p).putArray("sessionIds"));
        String cancelled = example(CANCELLED, registrationId, to);

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("registration.events", UUID.randomUUID().toString(), CONFIRMED, registrationId, confirmed);
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 1);
            producer.send(
                    "registration.events", UUID.randomUUID().toString(), UPDATED, registrationId, updated.toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 2);
            producer.send("registration.events", UUID.randomUUID().toString(), CANCELLED, registrationId, cancelled);
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 3);
        }
        List<ReceivedMail> mails = inboxOf(to).stream().map(ReceivedMail::of).toList();

        // the confirmation puts the day and the booked session in the calendar, at the Stockholm time
        ReceivedMail confirmation = mails.get(0);
        assertThat(confirmation.files()).extracting(ReceivedMail.File::filename).containsExactly("kalender.ics");
        assertThat(confirmation.files().getFirst().contentType())
                .startsWith("text/calendar")
                .contains("method=REQUEST");
        String raw = confirmation.files().getFirst().text();
        assertThat(raw.split("\r\n"))
                .as("long lines folded at 75 octets, never inside å, ä or ö")
                .allSatisfy(line ->
                        assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75))
                .anySatisfy(line -> assertThat(line).startsWith(" "));
        assertThat(raw.split("DTSTAMP:", -1)).as("one DTSTAMP per event").hasSize(3);
        Calendar booked = Calendars.parse(confirmation.files().getFirst());
        assertThat(booked.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        // the time zone the times refer to is in the file, under the same name
        assertThat(booked.getComponent(Component.VTIMEZONE)
                        .orElseThrow()
                        .getProperty(Property.TZID)
                        .orElseThrow()
                        .getValue())
                .isEqualTo("Europe/Stockholm");
        VEvent session = Calendars.event(booked, sessionUid);
        assertThat(Calendars.start(session))
                .isEqualTo(ZonedDateTime.of(2027, 8, 26, 10, 0, 0, 0, ZoneId.of("Europe/Stockholm"))
                        .toInstant());
        assertThat(session.getProperty(Property.DTSTART)
                        .orElseThrow()
                        .getParameter(Parameter.TZID)
                        .orElseThrow()
                        .getValue())
                .isEqualTo("Europe/Stockholm");
        assertThat(session.getProperty(Property.LOCATION).orElseThrow().getValue())
                .isEqualTo("Culturum, Nyköping");
        assertThat(session.getProperty(Property.DESCRIPTION).orElseThrow().getValue())
                .contains("Astrid Exempelsson")
                .contains("Culturum, Nyköping")
                .contains("http://localhost:8080/evenemang/stora-motesdagen-2027");
        assertThat(Calendars.event(booked, dayUid)
                        .getProperty(Property.DTSTART)
                        .orElseThrow()
                        .getValue())
                .isEqualTo("20270826");
        int confirmedSequence = Calendars.sequence(session);

        // the change replaces the day with a higher sequence and takes out the session no longer booked
        ReceivedMail change = mails.get(1);
        assertThat(change.files())
                .extracting(ReceivedMail.File::filename)
                .containsExactly("kalender.ics", "avbokat.ics");
        Calendar stillBooked = Calendars.parse(change.files().get(0));
        assertThat(Calendars.uids(stillBooked)).containsExactly(dayUid);
        assertThat(Calendars.sequence(Calendars.event(stillBooked, dayUid))).isGreaterThan(confirmedSequence);
        Calendar removed = Calendars.parse(change.files().get(1));
        assertThat(removed.getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo("CANCEL");
        assertThat(Calendars.uids(removed)).containsExactly(sessionUid);

        // the cancellation takes out what is left
        Calendar gone = Calendars.parse(mails.get(2).files().getFirst());
        assertThat(gone.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        assertThat(Calendars.uids(gone)).containsExactly(dayUid);
        assertThat(mails.get(2).text()).contains("tar bort dagen och passen ur din kalender");
    }
}
