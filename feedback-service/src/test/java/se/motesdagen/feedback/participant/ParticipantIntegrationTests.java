package se.motesdagen.feedback.participant;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import se.motesdagen.feedback.FeedbackTestBase;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.StaffTokens;

/** The participants staff see, behind the login. */
class ParticipantIntegrationTests extends FeedbackTestBase {

    @Test
    void theStaffListShowsTheParticipantsBehindTheLogin() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    registrationId,
                    confirmed(registrationId).replace("Nyköpings Testbageri AB", "Deltagarbolaget AB"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(byId(registrationId), "participants"));

        mvc.perform(get("/personal/deltagare")).andExpect(status().isUnauthorized());
        mvc.perform(get("/personal/deltagare").with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Deltagarbolaget AB")));
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(
                        content().string(Matchers.containsString("motesdagen_feedback_participants_recorded_total")));
    }
}
