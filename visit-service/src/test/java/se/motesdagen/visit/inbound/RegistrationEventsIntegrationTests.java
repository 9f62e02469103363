package se.motesdagen.visit.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.core.env.Environment;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.ConsumerWiring;
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.platform.test.TopicReader;
import se.motesdagen.visit.VisitTestBase;

/** Reading registration.events: a visit wish becomes one request, an erasure leaves nobody behind. */
class RegistrationEventsIntegrationTests extends VisitTestBase {

    @Test
    void theConsumerHasItsDeadLetterTopicAndSendsABrokenEventThereAtOnce(
            @Autowired BindingServiceProperties bindings, @Autowired Environment environment) {
        assertThat(ConsumerWiring.consumers(bindings)).containsExactly("recordHostErasure-in-0", "requestVisit-in-0");
        assertThat(ConsumerWiring.problems(bindings, environment)).isEmpty();
    }

    @Test
    void aConfirmedRegistrationWithAVisitWishBecomesOneVisitRequestEvenWhenTheEventComesTwice() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        String withoutVisit = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("registration.events", eventId, CONFIRMED, registrationId, confirmed(registrationId));
            producer.send("registration.events", eventId, CONFIRMED, registrationId, confirmed(registrationId));
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    withoutVisit,
                    withoutVisitWish(confirmed(withoutVisit)));
            // same key, so consumed after both copies: once it is handled, so are they
            String marker = UUID.randomUUID().toString();
            producer.send(
                    "registration.events", UUID.randomUUID().toString(), CONFIRMED, registrationId, confirmed(marker));
            String afterWithout = UUID.randomUUID().toString();
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    withoutVisit,
                    confirmed(afterWithout));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> mongo.exists(byId(marker), "visitRequests")
                            && mongo.exists(byId(afterWithout), "visitRequests"));
        }

        assertThat(mongo.count(byId(registrationId), "visitRequests")).isEqualTo(1);
        Document request = mongo.findOne(byId(registrationId), Document.class, "visitRequests");
        assertThat(request.getString("address")).isEqualTo("Bagargatan 3, Nyköping");
        assertThat(request.getString("town")).isEqualTo("Nyköping");
        assertThat(request.getString("meets")).isEqualTo("Karl Exempelsson, bagarmästare, 070-000 00 02");
        assertThat(request.getList("areas", String.class)).containsExactly("bygglov", "livsmedelskontroll");
        assertThat(request.getList("windows", Document.class))
                .singleElement()
                .satisfies(w ->
                        assertThat(w.getDate("from").toInstant()).isEqualTo(Instant.parse("2027-08-26T06:00:00Z")));
        assertThat(request.getString("organisationNumber")).isEqualTo("556677-8899");
        assertThat(request.getString("sourceMessageId")).isEqualTo(eventId);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mvc.perform(get("/actuator/prometheus"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString()
                        .contains("motesdagen_visit_requests_recorded_total"));
        assertThat(mongo.exists(byId(withoutVisit), "visitRequests")).isFalse();
    }

    @Test
    void anErasedRegistrationLeavesNoPersonBehindAndALateConfirmationDoesNotBringItBack() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    registrationId,
                    confirmed(registrationId));
            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(byId(registrationId), "visitRequests"));
            for (int delivery = 0; delivery < 2; delivery++) { // the same erasure delivered twice
                producer.sendExample(
                        "registration.events",
                        "se.motesdagen.registration.erased.v1",
                        registrationId,
                        "0f8fad5b-d9cb-469f-a165-70867728950e",
                        registrationId);
            }
        }
        // the service says once that it is done, and what it says names nobody
        TopicReader.PublishedEvent confirmation = new TopicReader(bootstrapServers)
                .awaitOnlyOne("visit.events", registrationId, "se.motesdagen.visit.registration-erased.v1");
        assertThat(confirmation.body()).contains(registrationId).doesNotContain("Astrid");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "ERASED"
                        .equals(mongo.findById(registrationId, Document.class, "visitRequests")
                                .getString("status")));
        Document erased = mongo.findById(registrationId, Document.class, "visitRequests");
        assertThat(erased.toJson()).doesNotContain("astrid@testbageri.example").doesNotContain("Astrid");
        // a confirmation delivered again after the erasure brings nothing back
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    registrationId,
                    confirmed(registrationId));
            String marker = UUID.randomUUID().toString();
            producer.send(
                    "registration.events", UUID.randomUUID().toString(), CONFIRMED, registrationId, confirmed(marker));
            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(byId(marker), "visitRequests"));
        }
        assertThat(mongo.findById(registrationId, Document.class, "visitRequests")
                        .getString("status"))
                .isEqualTo("ERASED");
        mvc.perform(get("/personal/besoksforfragningar").with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(content().string(Matchers.not(containsString(registrationId))));
    }

    @Test
    void anErasedContactLeavesTheRequestWithoutThemAndIsConfirmedOnceWhileTheRequestStays() {
        String registrationId = UUID.randomUUID().toString();
        String erasureId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    registrationId,
                    confirmed(registrationId));
            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(byId(registrationId), "visitRequests"));
            for (int delivery = 0; delivery < 2; delivery++) { // the same erasure delivered twice
                producer.sendExample(
                        "registration.events",
                        "se.motesdagen.registration.person-erased.v1",
                        registrationId,
                        "a3c9e1f2-4b7d-4e8a-9c6f-2d1e0b9a8c7d",
                        erasureId,
                        "0f8fad5b-d9cb-469f-a165-70867728950e",
                        registrationId);
            }
        }
        TopicReader.PublishedEvent confirmation = new TopicReader(bootstrapServers)
                .awaitOnlyOne("visit.events", registrationId, "se.motesdagen.visit.person-erased.v1");
        assertThat(confirmation.body()).contains(erasureId).doesNotContain("Astrid");
        Document request = mongo.findById(registrationId, Document.class, "visitRequests");
        assertThat(request.toJson()).doesNotContain("astrid@testbageri.example").doesNotContain("Astrid");
        assertThat(request.getString("status")).isEqualTo("REQUESTED");
        assertThat(request.getString("companyName")).isNotBlank();
    }
}
