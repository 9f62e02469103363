package se.motesdagen.notification.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.motesdagen.notification.NotificationTestBase;
import se.motesdagen.platform.messaging.AddressKey;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.platform.test.TopicReader;
import se.motesdagen.platform.test.TracedPerson;

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
            for (int delivery = 0; delivery < 2; delivery++) { // the same erasure, delivered twice
                producer.send(
                        "registration.events",
                        UUID.randomUUID().toString(),
                        ERASED,
                        registrationId,
                        example(ERASED, registrationId, to));
            }
        }
        // once done, the service says so, once, naming nobody
        TopicReader.PublishedEvent confirmation = new TopicReader(bootstrapServers)
                .awaitOnlyOne(
                        "notification.events", registrationId, "se.motesdagen.notification.registration-erased.v1");
        assertThat(confirmation.body()).doesNotContain(to);
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

    @Test
    void anErasedRegistrationLeavesItsPeopleInNoDocumentOfTheService() throws Exception {
        TracedPerson person = TracedPerson.unique();
        String registrationId = UUID.randomUUID().toString();
        String hostId = "h-" + registrationId.substring(0, 8);
        // every kind of mail that names the registration's people: its own (confirmation with calendar
        // file and reminder, visit, survey, follow-up report) and a host's itinerary that lists its visit
        String confirmed = person.into(example(CONFIRMED, registrationId, person.email()));
        String visit = person.into(resealed(
                CloudEventProducer.example(VISIT_SCHEDULED).replace(EXAMPLE_REGISTRATION, registrationId),
                "b7a4c2e0-5d1f-4c8e-9a63-2f0e8d1c4b57",
                "b7a4c2e0-5d1f-4c8e-9a63-2f0e8d1c4b57"));
        String itinerary = person.into(CloudEventProducer.example(ITINERARY)
                .replace("3f9d2a1c-8b7e-4d6f-a5c4-1e2b3c4d5e6f", registrationId)
                .replace("0155-00 00 00", person.phone())
                .replace("Karl Exempelsson", person.attendee())
                .replace("h-olof", hostId)
                .replace("olof.exempel@nykoping.example", hostId + "@nykoping.example"));
        String invitation = person.into(
                CloudEventProducer.example(FEEDBACK_REQUESTED).replace(EXAMPLE_REGISTRATION, registrationId));
        String report =
                person.into(CloudEventProducer.example(FOLLOW_UP).replace(EXAMPLE_REGISTRATION, registrationId));
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("registration.events", UUID.randomUUID().toString(), CONFIRMED, registrationId, confirmed);
            producer.send("visit.events", UUID.randomUUID().toString(), VISIT_SCHEDULED, registrationId, visit);
            producer.send("visit.events", UUID.randomUUID().toString(), ITINERARY, hostId, itinerary);
            producer.send(
                    "feedback.events", UUID.randomUUID().toString(), FEEDBACK_REQUESTED, registrationId, invitation);
            producer.send("feedback.events", UUID.randomUUID().toString(), FOLLOW_UP, registrationId, report);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> inboxOf(person.email()).size() == 4
                            && inboxOf(hostId + "@nykoping.example").size() == 1);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> mongo.findById(registrationId + ":reminder", Document.class, "reminders") != null);
            assertThat(person.foundIn(mongo)).isNotEmpty();

            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    ERASED,
                    registrationId,
                    example(ERASED, registrationId, person.email()));
        }
        new TopicReader(bootstrapServers)
                .awaitOnlyOne(
                        "notification.events", registrationId, "se.motesdagen.notification.registration-erased.v1");

        assertThat(person.foundIn(mongo)).isEmpty();
        // the host's mail stays in the delivery log as the host's, without the text that named the company's people
        Document itineraryMail = mongo.findOne(
                Query.query(Criteria.where("recipient").is(hostId + "@nykoping.example")), Document.class, "messages");
        assertThat(itineraryMail.getString("status")).isEqualTo("SENT");
        assertThat(itineraryMail.get("body")).isNull();
    }

    @Test
    void mailStillToGoIsNotSentAfterAnErasureAlsoWhenASenderHoldsIt(@Autowired Erasure erasure) {
        String registrationId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        mongo.insert(
                message(registrationId + ":queued", "PENDING", now).append("registrationId", registrationId),
                "messages");
        // a message is leased to the instance that queued it, which sends it from memory
        mongo.insert(
                message(registrationId + ":leased", "SENDING", now)
                        .append("registrationId", registrationId)
                        .append("leaseToken", "sender:lease"),
                "messages");

        erasure.forget(registrationId);

        for (String id : List.of(registrationId + ":queued", registrationId + ":leased")) {
            Document stopped = mongo.findById(id, Document.class, "messages");
            assertThat(stopped.getString("status")).as(id).isEqualTo("SUPPRESSED");
            assertThat(stopped.containsKey("leaseToken"))
                    .as("the sender that holds it finds its lease gone and lets it go")
                    .isFalse();
            assertThat(stopped.getString("recipient")).isEqualTo("[raderad]");
        }
    }

    @Test
    void mailsOlderThanTheRetentionPeriodNoLongerNameAnyoneWhateverTheyWereAbout(@Autowired Erasure erasure) {
        Instant now = Instant.now();
        String old = "retention-old-" + UUID.randomUUID();
        String waiting = "retention-waiting-" + UUID.randomUUID();
        String recent = "retention-recent-" + UUID.randomUUID();
        mongo.insert(message(old, "SENT", now.minus(Duration.ofDays(800))), "messages");
        mongo.insert(message(waiting, "PENDING", now.minus(Duration.ofDays(800))), "messages");
        mongo.insert(message(waiting + "-leased", "SENDING", now.minus(Duration.ofDays(800))), "messages");
        mongo.insert(message(recent, "SENT", now.minus(Duration.ofDays(30))), "messages");

        erasure.forgetCreatedBefore(now.minus(Duration.ofDays(730)));

        Document forgotten = mongo.findById(old, Document.class, "messages");
        assertThat(forgotten.getString("recipient")).isEqualTo("[raderad]");
        assertThat(forgotten.toJson()).doesNotContain("Lars Larsson").doesNotContain("lars@");
        assertThat(forgotten.getString("status")).as("how it went stays").isEqualTo("SENT");
        for (String stillToGo : List.of(waiting, waiting + "-leased")) {
            assertThat(mongo.findById(stillToGo, Document.class, "messages").getString("recipient"))
                    .as("a mail still to go is left alone")
                    .isEqualTo("lars@nykoping.example");
        }
        assertThat(mongo.findById(recent, Document.class, "messages").getString("body"))
                .contains("Lars Larsson");
    }

    private static Document message(String id, String status, Instant createdAt) {
        return new Document("_id", id)
                .append("template", "host-itinerary")
                .append("recipient", "lars@nykoping.example")
                .append("subject", "Ditt schema, Lars Larsson")
                .append("body", "Hej Lars Larsson, här är din dag.")
                .append("resendReason", "Lars Larsson ringde: mejlet kom inte fram")
                .append("status", status)
                .append("createdAt", Date.from(createdAt));
    }

    @Test
    void anErasedPersonsMailsNameNobodyTheRegistrationsOtherMailsLoseTheirTextAndItIsConfirmedOnce() {
        String registrationId = UUID.randomUUID().toString();
        String erasureId = UUID.randomUUID().toString();
        String to = "person-" + registrationId.substring(0, 8) + "@testbageri.example";
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    registrationId,
                    example(CONFIRMED, registrationId, to));
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 1);
            for (int delivery = 0; delivery < 2; delivery++) { // the same erasure, delivered twice
                producer.send(
                        "registration.events",
                        UUID.randomUUID().toString(),
                        "se.motesdagen.registration.person-erased.v1",
                        registrationId,
                        CloudEventProducer.example("se.motesdagen.registration.person-erased.v1")
                                .replace("a3c9e1f2-4b7d-4e8a-9c6f-2d1e0b9a8c7d", erasureId)
                                .replace(EXAMPLE_REGISTRATION, registrationId)
                                .replace(
                                        "84dea0ee4ee7c3091c0e15aa14118d20b38a10cfdd94826976ea0ea680e002a5",
                                        AddressKey.of(to)));
            }
        }
        TopicReader.PublishedEvent confirmation = new TopicReader(bootstrapServers)
                .awaitOnlyOne("notification.events", registrationId, "se.motesdagen.notification.person-erased.v1");
        assertThat(confirmation.body()).contains(erasureId).doesNotContain(to);
        Query ofRegistration = Query.query(Criteria.where("registrationId").is(registrationId));
        assertThat(mongo.find(ofRegistration, Document.class, "messages"))
                .isNotEmpty()
                .allSatisfy(m -> {
                    assertThat(m.getString("recipient")).isEqualTo("[raderad]");
                    assertThat(m.get("body")).isNull();
                });
        assertThat(mongo.findById(registrationId + ":reminder", Document.class, "reminders"))
                .isNull();
    }

    @Test
    void anErasedHostsItineraryMailsNameNobodyAndItIsConfirmedOnce() {
        String hostId = UUID.randomUUID().toString();
        String erasureId = UUID.randomUUID().toString();
        String itinerary = CloudEventProducer.example("se.motesdagen.visit.itinerary-published.v1");
        String hostEmail = "olof.exempel@nykoping.example";
        String to = "vard-" + hostId.substring(0, 8) + "@nykoping.example";
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "visit.events",
                    UUID.randomUUID().toString(),
                    "se.motesdagen.visit.itinerary-published.v1",
                    hostId,
                    itinerary.replace(hostEmail, to));
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(to).size() == 1);
            for (int delivery = 0; delivery < 2; delivery++) { // the same erasure, delivered twice
                producer.sendExample(
                        "visit.events",
                        "se.motesdagen.visit.host-erased.v1",
                        hostId,
                        "d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70",
                        erasureId,
                        "5b1e2f3a-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
                        hostId,
                        AddressKey.of("karin.pahittad@nykoping.example"),
                        AddressKey.of(to));
            }
        }
        TopicReader.PublishedEvent confirmation = new TopicReader(bootstrapServers)
                .awaitOnlyOne("notification.events", hostId, "se.motesdagen.notification.host-erased.v1");
        assertThat(confirmation.body()).contains(erasureId).doesNotContain(to);
        assertThat(mongo.find(Query.query(Criteria.where("recipient").is(to)), Document.class, "messages"))
                .isEmpty();
        assertThat(mongo.count(
                        Query.query(Criteria.where("subject")
                                .is("[raderad]")
                                .and("template")
                                .regex("itinerary")),
                        "messages"))
                .isPositive();
    }
}
