package se.motesdagen.registration.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.motesdagen.platform.messaging.AddressKey;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.ContractSchemas;
import se.motesdagen.platform.test.TopicReader.PublishedEvent;
import se.motesdagen.platform.test.TracedPerson;
import se.motesdagen.registration.RegistrationTestBase;
import se.motesdagen.registration.support.Companies;
import tools.jackson.databind.JsonNode;

/** Personal data erased on request and when the retention period has run out. */
class ErasureIntegrationTests extends RegistrationTestBase {

    private static final String PERSON_ERASED = "se.motesdagen.registration.person-erased.v1";

    @Autowired
    private Erasure erasure;

    @Test
    void anErasedRegistrationLeavesItsPeopleInNoDocumentOfTheService() throws Exception {
        TracedPerson person = TracedPerson.unique();
        String dayId = "spar-" + UUID.randomUUID();
        saveDay(dayId, null, null, 5);
        // every collection the registration reaches: the registration and its timeline, the seats, a
        // submission merged into it, the audit log of staff looking at it, a check-in
        mvc.perform(validFormFor(
                        dayId,
                        person.organisationNumber(),
                        "contactName",
                        person.name(),
                        "email",
                        person.email(),
                        "phone",
                        person.phone(),
                        "attendees[0].name",
                        person.name(),
                        "attendees[0].sessionIds",
                        "upphandling",
                        "attendees[1].name",
                        person.attendee(),
                        "attendees[1].email",
                        "ture@spar.example",
                        "street",
                        "Spårvägen 1",
                        "suggestion",
                        "Ring " + person.name() + " på " + person.phone(),
                        "wantsVisit",
                        "true",
                        "visitAddress",
                        "Spårvägen 1, Nyköping",
                        "visitTopics",
                        person.name() + " vill visa bageriet"))
                .andExpect(status().is3xxRedirection());
        String id = registrationOf(person.organisationNumber()).getString("_id");
        mvc.perform(pressConfirm(confirmPathOf(id)));
        mvc.perform(validFormFor(dayId, person.organisationNumber(), "email", person.email()));
        String detail = "/personal/anmalningar/" + id;
        mvc.perform(get(detail).with(staff())).andExpect(status().isOk());
        mvc.perform(post(detail + "/incheckning").with(csrf()).with(staff()).param("attendee", "2"));
        assertThat(person.foundIn(mongo)).isNotEmpty();

        mvc.perform(post(detail + "/radera").with(csrf()).with(staff()).param("sure", "true"))
                .andExpect(status().is3xxRedirection());
        awaitOutboxEmpty(id);

        assertThat(person.foundIn(mongo, "ture@spar.example", "Spårvägen")).isEmpty();
    }

    @Test
    void staffEraseARegistrationOnRequestAndOnlyWhatIsPersonalGoes() throws Exception {
        String dayId = "radering-" + UUID.randomUUID();
        saveDay(dayId, null, null, 1);
        String orgNr = Companies.newOrganisationNumber();
        String erased = submitTo(dayId, orgNr);
        String waiting = submitTo(dayId, Companies.newOrganisationNumber());
        mvc.perform(pressConfirm(confirmPathOf(erased)));
        mvc.perform(pressConfirm(confirmPathOf(waiting)));
        awaitOutboxEmpty(erased);
        String detail = "/personal/anmalningar/" + erased;

        mvc.perform(post(detail + "/radera").with(csrf()).with(staff())).andExpect(status().is3xxRedirection());
        assertThat(mongo.findById(erased, Document.class, "registrations").get("erasedAt"))
                .isNull();

        mvc.perform(post(detail + "/radera").with(csrf()).with(staff()).param("sure", "true"))
                .andExpect(status().is3xxRedirection());

        Document stored = mongo.findById(erased, Document.class, "registrations");
        assertThat(stored.get("erasedAt")).isNotNull();
        assertThat(stored.toJson())
                .doesNotContain("Astrid")
                .doesNotContain("testbageri.example")
                .doesNotContain("070-123")
                .doesNotContain("manageTokenHash");
        // what the statistics need stays: the company (an aktiebolag is not a person), the count, the sessions
        assertThat(stored.get("company", Document.class).getString("name")).isEqualTo("Nyköpings Testbageri AB");
        assertThat(stored.toJson()).doesNotContain(orgNr);
        assertThat(stored.getInteger("attendees")).isEqualTo(1);
        assertThat(stored.getString("status")).isEqualTo("CONFIRMED");
        assertThat(stored.getList("history", Document.class))
                .extracting(h -> h.getString("kind"))
                .endsWith("ERASED");
        // the seat went to the next in line, and everyone else hears of the erasure, with nothing personal in it
        assertThat(stateOf(dayId, erased)).isNull();
        assertThat(stateOf(dayId, waiting)).isEqualTo("SEATED");
        PublishedEvent erasure = awaitEvent(erased, ERASED);
        assertThat(ContractSchemas.violations(ERASED, erasure.body())).isEmpty();
        assertThat(erasure.body()).doesNotContain("Astrid").doesNotContain(orgNr);
        assertThat(mvc.perform(get(detail).with(staff()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Personuppgifterna raderade")
                .doesNotContain("astrid@testbageri.example")
                .doesNotContain("Astrid");

        // each other service confirms that it erased its copy; the page waits for all three
        assertThat(page(detail))
                .contains("Väntar på att alla tjänster bekräftar")
                .doesNotContain("Raderingen är klar");
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            for (String confirmation : List.of(
                    "visit.events se.motesdagen.visit.registration-erased.v1",
                    "notification.events se.motesdagen.notification.registration-erased.v1",
                    "notification.events se.motesdagen.notification.registration-erased.v1",
                    "feedback.events se.motesdagen.feedback.registration-erased.v1")) {
                String[] topicAndType = confirmation.split(" ");
                producer.sendExample(
                        topicAndType[0], topicAndType[1], erased, "0f8fad5b-d9cb-469f-a165-70867728950e", erased);
            }
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(erased, Document.class, "registrations")
                                        .get("erasureConfirmations", Document.class)
                                != null
                        && mongo.findById(erased, Document.class, "registrations")
                                        .get("erasureConfirmations", Document.class)
                                        .size()
                                == 3);
        assertThat(page(detail)).contains("Raderingen är klar").doesNotContain("väntar på bekräftelse");
    }

    @Test
    void aContactErasedWhileTheRegistrationStaysGoesEverywhereItsAddressStandsAndEveryServiceConfirms()
            throws Exception {
        String dayId = "person-" + UUID.randomUUID();
        saveDay(dayId, null, null, 5);
        String id = submitTo(dayId, Companies.newOrganisationNumber());
        mvc.perform(pressConfirm(confirmPathOf(id)));
        awaitOutboxEmpty(id);
        String detail = "/personal/anmalningar/" + id;

        // without the tick, or without saying who, nothing happens
        mvc.perform(post(detail + "/radera-person").with(csrf()).with(staff()).param("vem", "kontakt"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(detail + "/radera-person").with(csrf()).with(staff()).param("sure", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(mongo.findById(id, Document.class, "registrations").toJson()).contains("astrid@testbageri.example");

        mvc.perform(post(detail + "/radera-person")
                        .with(csrf())
                        .with(staff())
                        .param("vem", "kontakt")
                        .param("sure", "true"))
                .andExpect(status().is3xxRedirection());

        // the contact is also attendee 1 (the same address): both go; the seat, the sessions and the company stay
        Document stored = mongo.findById(id, Document.class, "registrations");
        assertThat(stored.toJson())
                .doesNotContain("astrid@testbageri.example")
                .doesNotContain("Astrid")
                .doesNotContain("070-123")
                .doesNotContain("manageTokenHash");
        assertThat(stored.get("erasedAt")).isNull();
        assertThat(stored.getString("status")).isEqualTo("CONFIRMED");
        assertThat(stored.getList("participants", Document.class).getFirst().getList("sessionIds", String.class))
                .containsExactly("upphandling");
        assertThat(stateOf(dayId, id)).isEqualTo("SEATED");
        // the others hear of it by the key of the address, never the address
        PublishedEvent erased = awaitEvent(id, PERSON_ERASED);
        assertThat(ContractSchemas.violations(PERSON_ERASED, erased.body())).isEmpty();
        JsonNode body = json.readTree(erased.body());
        assertThat(body.get("addressKey").asString()).isEqualTo(AddressKey.of("Astrid@Testbageri.example "));
        assertThat(body.get("contact").asBoolean()).isTrue();
        assertThat(erased.body()).doesNotContain("astrid");
        // nobody is left to erase there: asked again, nothing more happens
        assertThat(erasure.erasePerson(id, "kontakt")).isEmpty();

        String erasureId = body.get("erasureId").asString();
        assertThat(page(detail)).contains("Raderade kontaktpersonen").contains("Väntar på att alla tjänster bekräftar");
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            for (String service : List.of("visit", "notification", "notification", "feedback")) {
                producer.sendExample(
                        service + ".events",
                        "se.motesdagen." + service + ".person-erased.v1",
                        id,
                        "a3c9e1f2-4b7d-4e8a-9c6f-2d1e0b9a8c7d",
                        erasureId,
                        "0f8fad5b-d9cb-469f-a165-70867728950e",
                        id);
            }
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(id, Document.class, "registrations")
                                .get("personErasures", Document.class)
                                .get(erasureId, Document.class)
                                .get("confirmations", Document.class)
                                .size()
                        == 3);
        assertThat(page(detail)).contains("Alla tjänster har raderat sina uppgifter.");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(staff())).andReturn().getResponse().getContentAsString();
    }

    @Test
    void registrationsOfADayLongerAgoThanTheRetentionPeriodAreErasedAndNoOthers(@Autowired RetentionPeriod retention)
            throws Exception {
        String old = "gammal-dag-" + UUID.randomUUID();
        saveDay(old, LocalDate.of(2020, 5, 1), null, null, 30);
        String orgNr = Companies.newOrganisationNumber();
        String id = submitTo(old, orgNr);
        awaitOutboxEmpty(id);

        // 24 months after 1 May 2020 is 1 May 2022: kept that day, erased the day after
        assertThat(retention.eraseExpired(LocalDate.of(2022, 5, 1))).isZero();
        assertThat(retention.eraseExpired(LocalDate.of(2022, 5, 2))).isEqualTo(1);
        assertThat(mongo.findById(id, Document.class, "registrations").toJson()).doesNotContain("Astrid");
        assertThat(json.readTree(awaitEvent(id, ERASED).body()).get("reason").asString())
                .isEqualTo("retention");
        assertThat(retention.eraseExpired(LocalDate.of(2022, 5, 3))).isZero();
    }
}
