package se.motesdagen.visit.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import se.motesdagen.platform.metrics.StoredCountGauges;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.ContractSchemas;
import se.motesdagen.platform.test.OpenedLinks;
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.platform.test.TopicReader;
import se.motesdagen.platform.test.TracedPerson;
import se.motesdagen.visit.VisitTestBase;

/** A published plan: the companies and hosts told once, the answers, and changes after publishing. */
class PublishIntegrationTests extends VisitTestBase {

    @Autowired
    private StoredCountGauges storedCounts;

    @Autowired
    private MeterRegistry meters;

    private double requestGauge(String state) {
        return meters.get("motesdagen.visit.requests.current")
                .tag("state", state)
                .gauge()
                .value();
    }

    @Test
    void anErasedRegistrationLeavesItsPeopleAndCompanyInNoDocumentOfTheService() throws Exception {
        TracedPerson person = TracedPerson.unique();
        String street = "Spårgatan " + UUID.randomUUID().toString().substring(0, 6);
        String header = "namn;e-post;telefon;roll;parti eller förvaltning;kunskap;tillgänglig\n";
        importHosts(header
                        + "Spårande Politiker;sp@erase.example;;politiker;Kommunalråd;;2027-09-08 09:00-17:00\n"
                        + "Spårande Tjänsteperson;st@erase.example;;tjänsteperson;Näringslivsenheten;bygglov;"
                        + "2027-09-08 09:00-17:00\n")
                .andExpect(status().isOk());
        String id = UUID.randomUUID().toString();
        // every collection the registration reaches: its visit request, the visit planned, published (the
        // company's and the hosts' events, the hosts' itineraries) and reported on by a host
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    id,
                    person.into(confirmedOn(id, "2027-09-08"))
                            .replace("Bagargatan 3", street)
                            .replace("Karl Exempelsson", person.attendee()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(byId(id), "visitRequests"));
        solve("2027-09-08");
        publish("2027-09-08").andExpect(status().is3xxRedirection());
        String visit = "besok-" + id;
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.exists(byId(visit), "visits")
                        && mongo.findById(visit, Document.class, "visits")
                                .getList("outbox", Document.class)
                                .isEmpty());
        mvc.perform(post("/personal/besok/" + visit + "/rapport")
                        .param("worksWell", person.name() + " visade oss bageriet")
                        .param("worksBadly", "Ring " + person.phone() + " om bygglovet")
                        .param("areas", "bygglov")
                        .param("feedbackWanted", "email")
                        .with(csrf())
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(content().string(containsString("Rapporten är sparad")));
        assertThat(person.foundIn(mongo, street)).isNotEmpty();

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.sendExample("registration.events", ERASED, id, "0f8fad5b-d9cb-469f-a165-70867728950e", id);
        }
        new TopicReader(bootstrapServers)
                .awaitOnlyOne("visit.events", id, "se.motesdagen.visit.registration-erased.v1");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(visit, Document.class, "visits")
                        .getList("outbox", Document.class)
                        .isEmpty());

        assertThat(person.foundIn(mongo, street)).isEmpty();
        Document erased = mongo.findById(visit, Document.class, "visits");
        assertThat(erased.get("company")).isNull();
        assertThat(erased.getDouble("latitude")).isZero();
        // what stays for the figures: that a visit of those hosts was made that day, about those areas
        assertThat(erased.getString("status")).isEqualTo("COMPLETED");
        assertThat(erased.get("report", Document.class).getList("areas", String.class))
                .containsExactly("bygglov");
    }

    @Test
    void aPublishedPlanTellsCompaniesAndHostsOnceAndTheCompanyConfirmsOrAsksForAnotherTime() throws Exception {
        String header = "namn;e-post;telefon;roll;parti eller förvaltning;kunskap;tillgänglig\n";
        String list = header
                + "Publicerad Politiker;pp@publish.example;;politiker;Kommunalråd;;2027-09-03 09:00-17:00\n"
                + "Publicerad Tjänsteperson;pt@publish.example;;tjänsteperson;Näringslivsenheten;bygglov;"
                + "2027-09-03 09:00-17:00\n";
        importHosts(list).andExpect(content().string(containsString("2 värdar lades till")));
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            for (String id : List.of(first, second)) {
                producer.send(
                        "registration.events",
                        UUID.randomUUID().toString(),
                        CONFIRMED,
                        id,
                        confirmedOn(id, "2027-09-03"));
            }
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.exists(byId(first), "visitRequests") && mongo.exists(byId(second), "visitRequests"));
        solve("2027-09-03");
        storedCounts.refresh();
        double waiting = requestGauge("waiting");
        double planned = requestGauge("planned");

        for (int round = 0; round < 2; round++) {
            publish("2027-09-03").andExpect(status().is3xxRedirection());
        }
        storedCounts.refresh();
        assertThat(requestGauge("planned"))
                .as("the gauges: both requests planned")
                .isEqualTo(planned + 2);
        assertThat(requestGauge("waiting")).isEqualTo(waiting - 2);
        TopicReader topic = new TopicReader(bootstrapServers);
        String firstVisit = "besok-" + first;
        List<TopicReader.PublishedEvent> scheduled = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> topic.read("visit.events", k -> k.equals(firstVisit) || k.equals("besok-" + second)),
                        events -> events.size() >= 2);
        // anything the second publication sent would be on the topic within a second: nothing comes
        scheduled = await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(
                        () -> topic.read("visit.events", k -> k.equals(firstVisit) || k.equals("besok-" + second)),
                        events -> events.size() == 2);
        assertThat(scheduled)
                .as("the second publication of the same plan sends nothing")
                .hasSize(2)
                .allSatisfy(e -> {
                    assertThat(e.type()).isEqualTo("se.motesdagen.visit.scheduled.v2");
                    assertThat(ContractSchemas.violations(e.type(), e.body())).isEmpty();
                });
        List<TopicReader.PublishedEvent> itineraries =
                topic.read("visit.events", k -> k.startsWith("h-") || mongo.exists(byId(k), "hosts"));
        assertThat(itineraries)
                .filteredOn(
                        e -> e.body().contains("pp@publish.example") || e.body().contains("pt@publish.example"))
                .hasSize(2)
                .allSatisfy(e -> {
                    assertThat(e.type()).isEqualTo("se.motesdagen.visit.itinerary-published.v1");
                    assertThat(ContractSchemas.violations(e.type(), e.body())).isEmpty();
                    assertThat(e.body()).contains(firstVisit);
                    // who meets the visitors, as the company wrote it, for the hosts
                    assertThat(e.body()).contains("\"meets\":\"Karl Exempelsson, bagarmästare, 070-000 00 02\"");
                });
        // the company gives a new door and another person to meet the visitors; the time stands, so the
        // company is told nothing, and the hosts' printed day shows what it said
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    UPDATED,
                    first,
                    updated(
                            first,
                            "{\"address\": \"Bagargatan 5, Nyköping\", \"topics\": \"Bygglov\", \"areas\": [\"bygglov\"],"
                                    + " \"windows\": [{\"code\": \"morning\", \"from\": \"2027-09-03T09:00:00+02:00\","
                                    + " \"to\": \"2027-09-03T17:00:00+02:00\"}], \"meets\": \"Nina Nyberg, vd\"}",
                            "2027-06-21T09:00:00Z"));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "Nina Nyberg, vd"
                        .equals(mongo.findById(first, Document.class, "visitRequests")
                                .getString("meets")));
        publish("2027-09-03").andExpect(status().is3xxRedirection());
        Document described = mongo.findById(firstVisit, Document.class, "visits");
        assertThat(described.getString("address")).isEqualTo("Bagargatan 5, Nyköping");
        assertThat(described.getString("meets")).isEqualTo("Nina Nyberg, vd");
        assertThat(topic.read("visit.events", firstVisit::equals))
                .as("the time stands: nothing new to the company")
                .hasSize(1);
        // the hosts' day did change: each gets it again, with the new door and person
        List<TopicReader.PublishedEvent> toldAgain = await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                topic
                                        .read("visit.events", k -> k.startsWith("h-") || mongo.exists(byId(k), "hosts"))
                                        .stream()
                                        .filter(e -> e.body().contains("Nina Nyberg, vd"))
                                        .toList(),
                        events -> events.size() == 2);
        assertThat(toldAgain).allSatisfy(e -> assertThat(e.body()).contains("\"address\":\"Bagargatan 5, Nyköping\""));
        // staff find every host's day in one list, each linked to the printable itinerary
        String hostId = mongo.findOne(
                        Query.query(Criteria.where("email").is("pp@publish.example")), Document.class, "hosts")
                .getString("_id");
        mvc.perform(get("/personal/scheman").with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Fredag 3 september 2027")))
                .andExpect(content().string(containsString("Publicerad Politiker (Kommunalråd)")))
                .andExpect(content().string(containsString("/personal/scheman/" + hostId + "/2027-09-03")))
                .andExpect(content().string(containsString("Nyköpings Testbageri AB")));
        mvc.perform(get("/personal/scheman/" + hostId + "/2027-09-03").with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tar emot: Karl Exempelsson")));
        // a host sees their own day and visits, known by their e-mail address, and no one else's
        String partnerId = mongo.findOne(
                        Query.query(Criteria.where("email").is("pt@publish.example")), Document.class, "hosts")
                .getString("_id");
        var politician = StaffTokens.bearer(
                StaffTokens.token("pp", "Publicerad Politiker", "PP@Publish.example", List.of("HOST")));
        var stranger =
                StaffTokens.bearer(StaffTokens.token("ingen", "Inga Annan", "ingen@publish.example", List.of("HOST")));
        mvc.perform(get("/personal/scheman/" + hostId + "/2027-09-03").with(politician))
                .andExpect(status().isOk());
        mvc.perform(get("/personal/scheman/" + partnerId + "/2027-09-03").with(politician))
                .andExpect(status().isForbidden());
        mvc.perform(get("/personal/scheman").with(politician))
                .andExpect(content().string(containsString("/personal/scheman/" + hostId + "/2027-09-03")))
                .andExpect(content().string(not(containsString("/personal/scheman/" + partnerId + "/"))));
        mvc.perform(get("/personal/scheman").with(stranger))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/personal/scheman/" + hostId + "/"))));
        mvc.perform(get("/personal/besok/" + firstVisit + "/rapport").with(politician))
                .andExpect(status().isOk());
        mvc.perform(get("/personal/besok/" + firstVisit + "/rapport").with(stranger))
                .andExpect(status().isForbidden());
        mvc.perform(post("/personal/besok/" + firstVisit + "/rapport")
                        .with(stranger)
                        .with(csrf())
                        .param("worksWell", "Allt")
                        .param("feedbackWanted", "email"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/personal/besok/besok-finns-inte/rapport").with(stranger))
                .andExpect(status().isForbidden());
        mvc.perform(get("/personal/besok/besok-finns-inte/rapport").with(StaffTokens.as(StaffRole.PLANNER)))
                .andExpect(status().isNotFound());
        String body = scheduled.stream()
                .filter(e -> e.key().equals(firstVisit))
                .findFirst()
                .orElseThrow()
                .body();
        String token = body.transform(b -> OpenedLinks.in(b, "visitId"))
                .replaceAll("(?s).*besok/svar\\?token=([A-Za-z0-9_-]+).*", "$1");
        assertThat(mongo.findById(firstVisit, Document.class, "visits").toJson())
                .doesNotContain(token);

        // the link shows a button; only pressing it confirms
        mvc.perform(get("/svar").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bekräfta tiden")));
        assertThat(mongo.findById(firstVisit, Document.class, "visits").getString("status"))
                .isEqualTo("SCHEDULED");
        mvc.perform(post("/svar").param("token", token).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tack! Tiden är bekräftad")));
        mvc.perform(post("/svar").param("token", token)).andExpect(status().isForbidden());
        mvc.perform(get("/svar").param("token", "forged-" + token))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Länken gäller inte")));

        String other = topic.read("visit.events", ("besok-" + second)::equals)
                .getFirst()
                .body()
                .transform(b -> OpenedLinks.in(b, "visitId"))
                .replaceAll("(?s).*annan-tid\\?token=([A-Za-z0-9_-]+).*", "$1");
        mvc.perform(post("/annan-tid")
                        .param("token", other)
                        .param("reason", "  ")
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Skriv varför tiden inte passar.")));
        mvc.perform(post("/annan-tid")
                        .param("token", other)
                        .param("reason", "Leverans på förmiddagen")
                        .param("preferredTimes", "Efter lunch")
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tack, vi hör av oss")));
        List<TopicReader.PublishedEvent> answers = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> topic.read("visit.events", k -> k.equals(firstVisit) || k.equals("besok-" + second)),
                        events -> events.size() == 4);
        assertThat(answers)
                .extracting(TopicReader.PublishedEvent::type)
                .contains("se.motesdagen.visit.confirmed.v1", "se.motesdagen.visit.change-requested.v1");
        answers.forEach(
                e -> assertThat(ContractSchemas.violations(e.type(), e.body())).isEmpty());
        mvc.perform(get("/personal/planering").with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(content().string(containsString("Företag som bett om en annan tid")))
                .andExpect(content().string(containsString("Leverans på förmiddagen")));

        // solved again: the confirmed visit is kept where it is, the other is not given the time it declined
        Instant firstStart = mongo.findById(firstVisit, Document.class, "visits")
                .getDate("startsAt")
                .toInstant();
        Document declined = mongo.findById("besok-" + second, Document.class, "visits");
        Instant declinedStart = declined.getDate("startsAt").toInstant();
        solve("2027-09-03");
        var again = board.snapshot().plan().getVisits();
        var keptFirst =
                again.stream().filter(v -> v.getId().equals(first)).findFirst().orElseThrow();
        var movedSecond =
                again.stream().filter(v -> v.getId().equals(second)).findFirst().orElseThrow();
        assertThat(keptFirst.isPinned()).isTrue();
        assertThat(keptFirst.getStart().atZone(ZoneId.of("Europe/Stockholm")).toInstant())
                .isEqualTo(firstStart);
        assertThat(movedSecond.isPinned())
                .as("asked for another time: free to move")
                .isFalse();
        Instant movedStart =
                movedSecond.getStart().atZone(ZoneId.of("Europe/Stockholm")).toInstant();
        assertThat(Duration.between(declinedStart, movedStart).abs())
                .as("not in the hour it declined")
                .isGreaterThanOrEqualTo(Duration.ofHours(1));
        publish("2027-09-03")
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("published", new Publishing.Published(0, 1, 0, 1, 2)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> topic.read("visit.events", ("besok-" + second)::equals).stream()
                        .anyMatch(e -> e.type().equals("se.motesdagen.visit.rescheduled.v2")));

        // after the visit: the report, which marks it done and says so once
        mvc.perform(get("/personal/besok/" + firstVisit + "/rapport").with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("allmänna handlingar")));
        mvc.perform(post("/personal/besok/" + firstVisit + "/rapport")
                        .with(csrf())
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Välj hur företaget vill få återkoppling.")))
                .andExpect(content().string(containsString("Skriv vad som fungerar eller inte")));
        mvc.perform(post("/personal/besok/" + firstVisit + "/rapport")
                        .param("worksWell", "Snabbt bygglov förra året")
                        .param("feedbackWanted", "email")
                        .param("actionWhat", "Skicka planbeskedet")
                        .param("actionDue", "snart")
                        .with(csrf())
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("behöver vad, ansvarig och ett datum")));
        for (int round = 0; round < 2; round++) {
            mvc.perform(post("/personal/besok/" + firstVisit + "/rapport")
                            .param("worksWell", "Snabbt bygglov förra året")
                            .param("areas", "bygglov", "inget-riktigt-område")
                            .param("feedbackWanted", "email")
                            .param(
                                    "followUps",
                                    "Ring om parkeringen (näringslivsenheten, v. 36)\nBjud in till frukostmöte")
                            .param("actionWhat", "Skicka planbeskedet", "")
                            .param("actionOwner", "Samhällsbyggnadsförvaltningen", "")
                            .param("actionDue", "2027-09-30", "")
                            .with(csrf())
                            .with(StaffTokens.as(StaffRole.ADMIN)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Rapporten är sparad")));
        }
        // a corrected report is not a second visit: one event, and no other comes
        await().atMost(Duration.ofSeconds(30))
                .until(() -> completedOf(topic, firstVisit).size() == 1);
        // each look reads the topic again, which on a busy machine takes seconds: room for the 1 s to pass
        List<TopicReader.PublishedEvent> completed = await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(30))
                .until(() -> completedOf(topic, firstVisit), events -> events.size() == 1);
        assertThat(ContractSchemas.violations(
                        completed.getFirst().type(), completed.getFirst().body()))
                .isEmpty();
        assertThat(completed.getFirst().body())
                .contains("\"areas\":[\"bygglov\"]")
                .contains("\"followUps\":3")
                .doesNotContain("parkeringen");

        // publishing again does not undo a visit that took place
        publish("2027-09-03").andExpect(status().is3xxRedirection());
        assertThat(mongo.findById(firstVisit, Document.class, "visits").getString("status"))
                .isEqualTo("COMPLETED");
    }

    @Test
    void aWishChangedWithdrawnOrCancelledAfterPublishingIsFollowedAndThePublishedVisitIsCalledOff() throws Exception {
        String header = "namn;e-post;telefon;roll;parti eller förvaltning;kunskap;tillgänglig\n";
        importHosts(header
                        + "Ändrad Politiker;ap@change.example;;politiker;;;2027-09-06 09:00-17:00\n"
                        + "Ändrad Tjänsteperson;at@change.example;;tjänsteperson;;bygglov;2027-09-06 09:00-17:00\n")
                .andExpect(content().string(containsString("2 värdar lades till")));
        String cancelling = UUID.randomUUID().toString();
        String withdrawing = UUID.randomUUID().toString();
        String wish = "{ \"address\": \"Gårdsvägen 3, Vrena\", \"topics\": \"Vatten\", \"areas\": [\"bygglov\"],"
                + " \"windows\": [{ \"code\": \"morning\", \"from\": \"2027-09-06T09:00:00+02:00\","
                + " \"to\": \"2027-09-06T17:00:00+02:00\" }] }";
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            for (String id : List.of(cancelling, withdrawing)) {
                producer.send(
                        "registration.events",
                        UUID.randomUUID().toString(),
                        CONFIRMED,
                        id,
                        confirmedOn(id, "2027-09-06"));
            }
            // changed on the manage page: the new address and area; a change older than it changes nothing
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    UPDATED,
                    cancelling,
                    updated(cancelling, wish, "2027-06-20T09:00:00Z"));
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    UPDATED,
                    cancelling,
                    updated(cancelling, wish.replace("Vrena", "Gamla stället"), "2027-06-19T09:00:00Z"));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.exists(byId(withdrawing), "visitRequests")
                        && "Gårdsvägen 3, Vrena"
                                .equals(mongo.findById(cancelling, Document.class, "visitRequests")
                                        .getString("address")));
        Document changed = mongo.findById(cancelling, Document.class, "visitRequests");
        assertThat(changed.getList("areas", String.class)).containsExactly("bygglov");
        assertThat(changed.getString("status")).isEqualTo("REQUESTED");

        solve("2027-09-06");
        assertThat(board.snapshot().plan().getVisits())
                .extracting(v -> v.getId())
                .as("only the requests that can be visited that day")
                .containsExactlyInAnyOrder(cancelling, withdrawing);
        publish("2027-09-06").andExpect(status().is3xxRedirection());
        assertThat(mongo.findById("besok-" + cancelling, Document.class, "visits")
                        .getString("address"))
                .isEqualTo("Gårdsvägen 3, Vrena");

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.sendExample(
                    "registration.events", CANCELLED, cancelling, "0f8fad5b-d9cb-469f-a165-70867728950e", cancelling);
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    UPDATED,
                    withdrawing,
                    updated(withdrawing, "null", "2027-06-21T09:00:00Z"));
            producer.sendExample(
                    "registration.events", ERASED, withdrawing, "0f8fad5b-d9cb-469f-a165-70867728950e", withdrawing);
        }
        TopicReader topic = new TopicReader(bootstrapServers);
        List<TopicReader.PublishedEvent> cancelled = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> topic
                                .read(
                                        "visit.events",
                                        k -> k.equals("besok-" + cancelling) || k.equals("besok-" + withdrawing))
                                .stream()
                                .filter(e -> e.type().equals("se.motesdagen.visit.cancelled.v1"))
                                .toList(),
                        events -> events.size() == 2);
        assertThat(cancelled).allSatisfy(e -> {
            assertThat(ContractSchemas.violations(e.type(), e.body())).isEmpty();
            assertThat(e.body()).contains("återkallat önskan om besök");
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Document visit = mongo.findById("besok-" + withdrawing, Document.class, "visits");
            // erased, and the cancellation's event (which names the contact) sent and gone
            return visit.get("contactEmail") == null
                    && visit.getList("outbox", Document.class).isEmpty();
        });
        Document erased = mongo.findById("besok-" + withdrawing, Document.class, "visits");
        assertThat(erased.getString("status")).isEqualTo("CANCELLED");
        assertThat(erased.toJson()).doesNotContain("astrid@testbageri.example").doesNotContain("070-123");
        assertThat(mongo.findById(cancelling, Document.class, "visitRequests").getString("status"))
                .isEqualTo("WITHDRAWN");
        assertThat(mongo.findById("besok-" + cancelling, Document.class, "visits")
                        .getString("status"))
                .isEqualTo("CANCELLED");

        // a call-off that did not land (the visit still stands) is made good when the change is told again
        mongo.updateFirst(byId("besok-" + cancelling), new Update().set("status", "SCHEDULED"), "visits");
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    UPDATED,
                    cancelling,
                    updated(cancelling, "null", "2027-08-11T09:00:00Z"));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "CANCELLED"
                        .equals(mongo.findById("besok-" + cancelling, Document.class, "visits")
                                .getString("status")));
    }
}
