package se.motesdagen.notification.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import se.motesdagen.notification.NotificationTestBase;
import se.motesdagen.notification.mail.ReceivedMail;
import se.motesdagen.platform.security.LinkSecret;
import se.motesdagen.platform.test.CloudEventProducer;

/** Reminders before the day: kept up to date, sent once at their moment, never late as if on time. */
class ReminderIntegrationTests extends NotificationTestBase {

    @Test
    void theReminderIsKeptFromTheConfirmationSentOnceAtItsMomentAndItsLinkStopsRemindersOnly() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        String to = "remind-" + registrationId.substring(0, 8) + "@testbageri.example";
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    registrationId,
                    confirmedOn(registrationId, to, "2027-09-15"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 1);
        Document reminder = await().atMost(Duration.ofSeconds(10))
                .until(() -> mongo.findById(registrationId + ":reminder", Document.class, "reminders"), r -> r != null);
        // two days before, at nine in the morning in Stockholm (summer time: 07.00 UTC)
        Instant moment = Instant.parse("2027-09-13T07:00:00Z");
        assertThat(reminder.getDate("dueAt").toInstant()).isEqualTo(moment);
        assertThat(reminder.getString("status")).isEqualTo("SCHEDULED");
        assertThat(reminder.getString("payload"))
                .as("the manage link is not kept")
                .doesNotContain("token=");

        reminders.sendDue(moment.minusSeconds(60));
        reminders.sendDue(moment.plusSeconds(60));
        reminders.sendDue(moment.plusSeconds(120));

        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 2);
        MimeMessage sent = inboxOf(to).get(1);
        assertThat(sent.getSubject()).isEqualTo("Påminnelse: Stora Mötesdagen 2027 närmar sig");
        assertThat(ReceivedMail.of(sent).text())
                .contains("kl. 10.00–11.00 Kompetensförsörjning")
                .contains("Inga fler påminnelser (http://localhost:8080/utskick/avregistrera?token=");
        String unsubscribe = sent.getHeader("List-Unsubscribe", null);
        assertThat(unsubscribe).startsWith("<http://localhost:8080/utskick/avregistrera?token=");
        assertThat(sent.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mongo.findById(registrationId + ":reminder", Document.class, "reminders")
                        .getString("status"))
                .isEqualTo("QUEUED");

        // the link shows a button; the mail program's one-click POST stops the reminders
        String token = unsubscribe.replaceAll(".*token=([^>]+)>", "$1");
        mvc.perform(get("/avregistrera").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sluta skicka påminnelser")));
        mvc.perform(post("/avregistrera").param("token", token).param("List-Unsubscribe", "One-Click"))
                .andExpect(status().isOk());
        mvc.perform(post("/avregistrera").param("token", "nobody-got-this")).andExpect(status().isNotFound());
        // only the link's hash is stored, with the address's key, and the link runs out
        assertThat(mongo.findById(token, Document.class, "unsubscribeLinks")).isNull();
        Document link = mongo.findById(LinkSecret.hash(token), Document.class, "unsubscribeLinks");
        assertThat(link.toJson()).doesNotContain(to).doesNotContain(token);
        assertThat(mongo.findAll(Document.class, "unsubscribes").toString()).doesNotContain(token);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(LinkSecret.hash(token))),
                new Update().set("expiresAt", Instant.now().minusSeconds(1)),
                "unsubscribeLinks");
        mvc.perform(get("/avregistrera").param("token", token)).andExpect(status().isNotFound());

        // the same person's next registration: confirmed as always, but no reminder
        String next = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    next,
                    confirmedOn(next, to, "2027-09-15"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 3);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mongo.findById(next + ":reminder", Document.class, "reminders") != null);
        reminders.sendDue(moment.plusSeconds(60));
        assertThat(mongo.findById(next + ":reminder", Document.class, "reminders")
                        .getString("status"))
                .isEqualTo("UNSUBSCRIBED");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> inboxOf(to).size() == 3);
    }

    @Test
    void noReminderForACancelledRegistrationNorOneWhoseMomentHadPassedNorOneFoundHoursLate() throws Exception {
        String cancelled = UUID.randomUUID().toString();
        String tooLate = UUID.randomUUID().toString();
        String late = UUID.randomUUID().toString();
        String to = "no-reminder-" + cancelled.substring(0, 8) + "@testbageri.example";
        String tomorrow =
                LocalDate.now(ZoneId.of("Europe/Stockholm")).plusDays(1).toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    cancelled,
                    confirmedOn(cancelled, to, "2027-10-20"));
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CANCELLED,
                    cancelled,
                    example(CANCELLED, cancelled, to));
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    tooLate,
                    confirmedOn(tooLate, to, tomorrow));
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    late,
                    confirmedOn(late, to, "2027-10-20"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 4);
        // the cancellation is handled behind the confirmation: on a loaded machine that can take a while
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(cancelled + ":reminder", Document.class, "reminders") != null
                        && "CANCELLED"
                                .equals(mongo.findById(cancelled + ":reminder", Document.class, "reminders")
                                        .getString("status")));
        assertThat(mongo.findById(tooLate + ":reminder", Document.class, "reminders")
                        .getString("status"))
                .as("its moment had passed when it was made")
                .isEqualTo("SKIPPED");

        // the service was down over the moment and comes back seven hours later: too late to be a reminder
        reminders.sendDue(Instant.parse("2027-10-18T07:00:00Z").plus(Duration.ofHours(7)));

        assertThat(mongo.findById(late + ":reminder", Document.class, "reminders")
                        .getString("status"))
                .isEqualTo("SKIPPED");
        assertThat(mongo.findById(cancelled + ":reminder", Document.class, "reminders")
                        .getString("status"))
                .isEqualTo("CANCELLED");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> inboxOf(to).size() == 4);
        assertThat(inboxOf(to)).noneMatch(m -> {
            try {
                return m.getSubject().startsWith("Påminnelse");
            } catch (MessagingException e) {
                return false;
            }
        });
    }
}
