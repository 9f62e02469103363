package se.motesdagen.notification.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import se.motesdagen.notification.NotificationTestBase;
import se.motesdagen.notification.mail.Calendars;
import se.motesdagen.notification.mail.ReceivedMail;
import se.motesdagen.platform.test.CloudEventProducer;
import tools.jackson.databind.node.ObjectNode;

/** Reading visit.events: the company's visit mails and calendar, the hosts' itineraries. */
class VisitMailIntegrationTests extends NotificationTestBase {

    @Test
    void aVisitIsMailedWithItsTimeHostsAndLinksMovedInTheCalendarAndRemindedOfOnItsMorning() throws Exception {
        String visitId = UUID.randomUUID().toString();
        String to = "visit-" + visitId.substring(0, 8) + "@testbageri.example";
        String uid = visitId + ".besok@nykoping.example";
        ObjectNode nextDay = (ObjectNode) JSON.readTree(visitExample(VISIT_RESCHEDULED, visitId, to));
        nextDay.put("startsAt", "2027-08-27T09:00:00+02:00");
        nextDay.put("endsAt", "2027-08-27T10:00:00+02:00");
        nextDay.put("previousStartsAt", "2027-08-26T13:30:00+02:00");
        nextDay.put("previousEndsAt", "2027-08-26T14:30:00+02:00");
        nextDay.put("rescheduledAt", "2027-08-26T08:00:00Z");

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "visit.events",
                    UUID.randomUUID().toString(),
                    VISIT_SCHEDULED,
                    visitId,
                    visitExample(VISIT_SCHEDULED, visitId, to));
            producer.send(
                    "visit.events",
                    UUID.randomUUID().toString(),
                    VISIT_RESCHEDULED,
                    visitId,
                    visitExample(VISIT_RESCHEDULED, visitId, to));
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 2);
        }
        MimeMessage scheduled = mailTo(to, "Företagsbesök");
        assertThat(scheduled.getSubject())
                .isEqualTo("Företagsbesök hos Nyköpings Testbageri AB torsdag 26 augusti 2027 kl. 10.30–11.30");
        ReceivedMail first = ReceivedMail.of(scheduled);
        assertThat(first.text())
                .contains("Karin Påhittad, Kommunalråd")
                .contains("Olof Exempel, Näringslivsutvecklare, näringslivsenheten")
                .contains("Bagargatan 3, 611 30 Nyköping")
                .contains("Kompetensförsörjning, Tillstånd och tillsyn")
                .contains("Bekräfta tiden:\nhttp://localhost:8080/besok/svar?token=")
                .contains("Be om en annan tid (http://localhost:8080/besok/annan-tid?token=");
        Calendar booked = Calendars.parse(first.files().getFirst());
        assertThat(booked.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        VEvent visit = Calendars.event(booked, uid);
        assertThat(Calendars.start(visit)).isEqualTo(Instant.parse("2027-08-26T08:30:00Z"));
        assertThat(visit.getProperty(Property.LOCATION).orElseThrow().getValue())
                .isEqualTo("Bagargatan 3, 611 30 Nyköping");
        assertThat(visit.getProperty(Property.DESCRIPTION).orElseThrow().getValue())
                .contains("Karin Påhittad (Kommunalråd)")
                .contains("http://localhost:8080/besok/annan-tid?token=");

        // the new time replaces the item in the calendar: the same UID, a higher sequence
        MimeMessage moved = mailTo(to, "Ny tid");
        assertThat(moved.getSubject())
                .isEqualTo("Ny tid för besöket hos Nyköpings Testbageri AB: torsdag 26 augusti 2027 kl. 13.30–14.30");
        ReceivedMail second = ReceivedMail.of(moved);
        assertThat(second.text())
                .contains("Det var tidigare torsdag 26 augusti 2027 kl. 10.30–11.30.")
                .contains("Ni bad om en tid efter lunch.");
        VEvent movedVisit = Calendars.event(Calendars.parse(second.files().getFirst()), uid);
        assertThat(Calendars.start(movedVisit)).isEqualTo(Instant.parse("2027-08-26T11:30:00Z"));
        assertThat(Calendars.sequence(movedVisit)).isGreaterThan(Calendars.sequence(visit));

        // the reminder on the morning of the visit: seven o'clock Stockholm time, no links kept
        Instant morning = Instant.parse("2027-08-26T05:00:00Z");
        Document reminder = await().atMost(Duration.ofSeconds(10))
                .until(() -> mongo.findById(visitId + ":visit-reminder", Document.class, "reminders"), r -> r != null);
        assertThat(reminder.getDate("dueAt").toInstant()).isEqualTo(morning);
        assertThat(reminder.getString("payload")).doesNotContain("token=");
        reminders.sendDue(morning.plusSeconds(60));
        reminders.sendDue(morning.plusSeconds(120));
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 3);
        MimeMessage today = mailTo(to, "I dag");
        assertThat(today.getSubject())
                .isEqualTo("I dag: besök hos Nyköpings Testbageri AB torsdag 26 augusti 2027 kl. 13.30–14.30");
        assertThat(ReceivedMail.of(today).text())
                .contains("I dag kommer vi på besök")
                .doesNotContain("besok/svar")
                .doesNotContain("besok/annan-tid");
        assertThat(today.getHeader("List-Unsubscribe", null)).startsWith("<http://localhost:8080/utskick/avregistrera");

        // moved again, to the next day: its morning gets a reminder of its own
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("visit.events", UUID.randomUUID().toString(), VISIT_RESCHEDULED, visitId, nextDay.toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 4);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "SCHEDULED"
                        .equals(mongo.findById(visitId + ":visit-reminder", Document.class, "reminders")
                                .getString("status")));
        assertThat(mongo.findById(visitId + ":visit-reminder", Document.class, "reminders")
                        .getDate("dueAt")
                        .toInstant())
                .isEqualTo(morning.plus(Duration.ofDays(1)));
        reminders.sendDue(morning.plus(Duration.ofDays(1)).plusSeconds(60));
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 5);
        assertThat(inboxOf(to).stream().filter(m -> subjectOf(m).startsWith("I dag")))
                .extracting(NotificationTestBase::subjectOf)
                .anyMatch(subject -> subject.contains("fredag 27 augusti 2027 kl. 9.00–10.00"));
    }

    @Test
    void aCancelledVisitLeavesTheCalendarAndItsMorningReminderIsCalledOff() throws Exception {
        String visitId = UUID.randomUUID().toString();
        String to = "visit-off-" + visitId.substring(0, 8) + "@testbageri.example";
        String cancelledEvent = UUID.randomUUID().toString();
        String cancelled = visitExample(VISIT_CANCELLED, visitId, to);
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "visit.events",
                    UUID.randomUUID().toString(),
                    VISIT_SCHEDULED,
                    visitId,
                    visitExample(VISIT_SCHEDULED, visitId, to));
            producer.send("visit.events", cancelledEvent, VISIT_CANCELLED, visitId, cancelled);
            producer.send("visit.events", cancelledEvent, VISIT_CANCELLED, visitId, cancelled);
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 2);
        }
        MimeMessage off = mailTo(to, "Besöket hos");
        assertThat(off.getSubject())
                .isEqualTo("Besöket hos Nyköpings Testbageri AB torsdag 26 augusti 2027 kl. 13.30–14.30 blir inte av");
        ReceivedMail mail = ReceivedMail.of(off);
        assertThat(mail.files()).extracting(ReceivedMail.File::filename).containsExactly("avbokat.ics");
        Calendar removed = Calendars.parse(mail.files().getFirst());
        assertThat(removed.getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo("CANCEL");
        assertThat(Calendars.uids(removed)).containsExactly(visitId + ".besok@nykoping.example");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "CANCELLED"
                        .equals(mongo.findById(visitId + ":visit-reminder", Document.class, "reminders")
                                .getString("status")));
        reminders.sendDue(Instant.parse("2027-08-26T05:01:00Z"));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> inboxOf(to).size() == 2);
    }

    @Test
    void aHostGetsTheDayInOrderAndALaterItineraryTakesOutOfTheCalendarWhatNoLongerHolds() throws Exception {
        String hostId = "h-" + UUID.randomUUID().toString().substring(0, 8);
        String to = hostId + "@nykoping.example";
        ObjectNode day = (ObjectNode) JSON.readTree(CloudEventProducer.example(ITINERARY)
                .replace("h-olof", hostId)
                .replace("olof.exempel@nykoping.example", to));
        ObjectNode shorter = day.deepCopy();
        shorter.withArray("stops").remove(3);
        shorter.put("publishedAt", "2027-08-12T09:00:00Z");
        ObjectNode none = day.deepCopy();
        none.putArray("stops");
        none.put("publishedAt", "2027-08-13T09:00:00Z");

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("visit.events", UUID.randomUUID().toString(), ITINERARY, hostId, day.toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 1);
            producer.send("visit.events", UUID.randomUUID().toString(), ITINERARY, hostId, shorter.toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 2);
            producer.send("visit.events", UUID.randomUUID().toString(), ITINERARY, hostId, none.toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 3);
        }
        List<ReceivedMail> inbox = inboxOf(to).stream().map(ReceivedMail::of).toList();
        assertThat(inboxOf(to))
                .extracting(NotificationTestBase::subjectOf)
                .containsOnly("Ditt schema för företagsbesöken torsdag 26 augusti 2027");
        // told apart by what they hold: the mail server keeps no order among mails that come close together
        ReceivedMail full = inbox.stream()
                .filter(m -> m.text().contains("Stigtomta"))
                .findFirst()
                .orElseThrow();
        assertThat(full.text())
                .contains("Hej Olof Exempel!")
                .contains("Du åker tillsammans med Karin Påhittad (Kommunalråd), tel. 070-000 00 01.")
                .contains("Kontakt: Astrid Exempelsson, 0155-00 00 00")
                .contains("Tar emot: Karl Exempelsson, bagarmästare, 070-000 00 02")
                .contains("Körtid dit: 18 min");
        assertThat(full.text().indexOf("9.00–9.45 Gemensam start"))
                .isLessThan(full.text().indexOf("10.30–11.30 Nyköpings Testbageri AB"))
                .isLessThan(full.text().indexOf("12.00–13.00 Lunch"))
                .isLessThan(full.text().indexOf("13.30–14.30 Stigtomta Exempelsnickeri HB"));
        Calendar whole = Calendars.parse(full.files().getFirst());
        String stigtomta = "c81e728d-9d4c-4f63-8e2a-1b0f3a9d7e45." + hostId + "@nykoping.example";
        assertThat(Calendars.uids(whole)).hasSize(4).contains(stigtomta);
        assertThat(Calendars.start(Calendars.event(whole, stigtomta))).isEqualTo(Instant.parse("2027-08-26T11:30:00Z"));

        ReceivedMail changed = inbox.stream()
                .filter(m -> !m.text().contains("Stigtomta") && m.text().contains("Lunch"))
                .findFirst()
                .orElseThrow();
        assertThat(changed.files())
                .extracting(ReceivedMail.File::filename)
                .containsExactly("kalender.ics", "avbokat.ics");
        assertThat(Calendars.uids(Calendars.parse(changed.files().get(0))))
                .hasSize(3)
                .doesNotContain(stigtomta);
        assertThat(Calendars.uids(Calendars.parse(changed.files().get(1)))).containsExactly(stigtomta);

        ReceivedMail empty = inbox.stream()
                .filter(m -> m.text().contains("Du har inte längre"))
                .findFirst()
                .orElseThrow();
        assertThat(empty.text()).contains("Du har inte längre några företagsbesök torsdag 26 augusti 2027.");
        assertThat(empty.files()).extracting(ReceivedMail.File::filename).containsExactly("avbokat.ics");
        assertThat(Calendars.uids(Calendars.parse(empty.files().getFirst()))).hasSize(3);
    }
}
