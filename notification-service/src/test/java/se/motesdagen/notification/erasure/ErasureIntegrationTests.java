package se.motesdagen.notification.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.motesdagen.notification.NotificationTestBase;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.StaffTokens;

/** An erased registration leaves no address, mail text, reminder or calendar memory behind. */
class ErasureIntegrationTests extends NotificationTestBase {

    @Test
    void anErasedRegistrationLeavesNoAddressNoMailTextNoReminderAndNoCalendarMemoryBehind() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        String to = "erase-" + registrationId.substring(0, 8) + "@testbageri.example";
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    registrationId,
                    example(CONFIRMED, registrationId, to));
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 1);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> mongo.findById(registrationId + ":reminder", Document.class, "reminders") != null);
            assertThat(mongo.count(Query.query(Criteria.where("owner").is(registrationId)), "calendarItems"))
                    .isPositive();
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    ERASED,
                    registrationId,
                    example(ERASED, registrationId, to));
        }
        Query ofRegistration = Query.query(Criteria.where("registrationId").is(registrationId));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.find(ofRegistration, Document.class, "messages").stream()
                        .allMatch(m -> "[raderad]".equals(m.getString("recipient"))));
        Document message =
                mongo.find(ofRegistration, Document.class, "messages").getFirst();
        assertThat(message.getString("status")).isEqualTo("SENT");
        assertThat(message.toJson()).doesNotContain(to).doesNotContain("Astrid");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mongo.findById(registrationId + ":reminder", Document.class, "reminders") == null);
        assertThat(mongo.count(Query.query(Criteria.where("owner").is(registrationId)), "calendarItems"))
                .isZero();
        mvc.perform(get("/personal/meddelanden/" + message.getString("_id")).with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isOk());
    }
}
