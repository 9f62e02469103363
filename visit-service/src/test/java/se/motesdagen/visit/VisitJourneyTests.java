package se.motesdagen.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.ContractSchemas;
import se.motesdagen.platform.test.DeadLetters;
import se.motesdagen.platform.test.OpenedLinks;
import se.motesdagen.platform.test.TopicReader;
import se.motesdagen.visit.board.PlanningBoard;
import se.motesdagen.visit.publish.Publishing;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** RegistrationConfirmed on Kafka → a visit request for the planners, once. Subclasses pick the infrastructure. */
@SpringBootTest
@AutoConfigureMockMvc
abstract class VisitJourneyTests {

    static final String CONFIRMED = "se.motesdagen.registration.confirmed.v2";
    static final String UPDATED = "se.motesdagen.registration.updated.v1";
    static final String CANCELLED = "se.motesdagen.registration.cancelled.v1";
    static final String ERASED = "se.motesdagen.registration.erased.v1";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PlanningBoard board;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

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
    void anEventThatBreaksTheContractGoesToTheDeadLetterTopicAndTheNextOneIsStillHandled() {
        String registrationId = UUID.randomUUID().toString();
        String badEventId = "bad-" + UUID.randomUUID();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send("registration.events", badEventId, CONFIRMED, registrationId, "{\"registrationId\": 42}");
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    registrationId,
                    confirmed(registrationId));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(byId(registrationId), "visitRequests"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> new DeadLetters(bootstrapServers)
                        .eventIds("registration.events.visit-request.dlq")
                        .contains(badEventId));
    }

    @Test
    void staffImportAHostListAndAListWithAWrongRowChangesNothingAndSaysWhichRow() throws Exception {
        String header = "namn;e-post;telefon;roll;parti eller förvaltning;kunskap;tillgänglig\n";
        String good = header
                + "Karin Påhittad;karin.import@nykoping.example;;politiker;Kommunalråd;;2027-08-26 09:00-17:00\n"
                + "Olof Exempel;olof.import@nykoping.example;;tjänsteperson;Näringslivsenheten;bygglov;"
                + "2027-08-26 09:00-17:00\n";
        importHosts(good)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2 värdar lades till och 0 uppdaterades.")));

        String broken = header
                + "Karin Påhittad-Ny;karin.import@nykoping.example;;politiker;;;2027-08-26 09:00-17:00\n"
                + "Utan Roll;utan.roll@nykoping.example;;;;;2027-08-26 09:00-17:00\n";
        importHosts(broken)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Listan lästes inte in")))
                .andExpect(content().string(containsString("Rad 3 (Utan Roll):")));
        assertThat(mongo.findAll(Document.class, "hosts"))
                .extracting(d -> d.getString("name"))
                .contains("Karin Påhittad", "Olof Exempel")
                .doesNotContain("Karin Påhittad-Ny", "Utan Roll");

        mvc.perform(get("/personal/vardar").with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("olof.import@nykoping.example")))
                .andExpect(content().string(containsString("2027-08-26 09.00–17.00")));
        mvc.perform(get("/personal/vardar")).andExpect(status().isUnauthorized());
    }

    @Test
    void threeRequestsAndSixHostsBecomeAPlanOnTheBoardThatKeepsEveryRule() throws Exception {
        String header = "namn;e-post;telefon;roll;parti eller förvaltning;kunskap;tillgänglig\n";
        StringBuilder list = new StringBuilder(header);
        for (int i = 1; i <= 3; i++) {
            list.append("Politiker ")
                    .append(i)
                    .append(";pol")
                    .append(i)
                    .append("@board.example;;politiker;;;")
                    .append("2027-09-02 09:00-17:00\n");
            list.append("Tjänsteperson ")
                    .append(i)
                    .append(";tj")
                    .append(i)
                    .append("@board.example;;tjänsteperson;;")
                    .append(i == 2 ? "livsmedelskontroll" : "bygglov")
                    .append(";2027-09-02 09:00-16:00\n");
        }
        importHosts(list.toString()).andExpect(content().string(containsString("6 värdar lades till")));
        List<String> companies = List.of("Brädgårdens Exempel AB", "Stigtomta Provsmedja HB", "Vrena Testgård AB");
        List<String> addresses =
                List.of("Gästabudsvägen 1, Nyköping", "Smedjevägen 2, Stigtomta", "Gårdsvägen 3, Vrena");
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            for (int i = 0; i < 3; i++) {
                String id = UUID.randomUUID().toString();
                producer.send(
                        "registration.events",
                        UUID.randomUUID().toString(),
                        CONFIRMED,
                        id,
                        confirmedOn(id, "2027-09-02")
                                .replace("Nyköpings Testbageri AB", companies.get(i))
                                .replace("Bagargatan 3, Nyköping", addresses.get(i)));
            }
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        mongo.count(Query.query(Criteria.where("companyName").in(companies)), "visitRequests") == 3);

        mvc.perform(get("/personal/planering").param("dag", "2027-09-02").with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("6 värdar är lediga den dagen")));
        solve("2027-09-02");

        String page = mvc.perform(
                        get("/personal/planering").param("dag", "2027-09-02").with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Refresh"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Alla regler hålls.")
                .contains("Lag 1 · Politiker 1 · Tjänsteperson 1")
                .contains("Lag 3")
                .contains("Smedjevägen 2, Stigtomta")
                .containsPattern("\\d+ minuter att köra från Stadshuset, Nyköping\\.")
                .contains("<svg")
                .containsPattern("<title id=\"karta-0\">Karta: Lag 1 kör från stadshuset till 1\\. ");
        assertThat(board.snapshot().plan().getVisits())
                .filteredOn(v -> companies.contains(v.getCompany()))
                .allSatisfy(v -> assertThat(v.getTeam())
                        .as(v.getCompany() + " has a team")
                        .isNotNull());
        mvc.perform(post("/personal/planering/los")
                        .param("dag", "2027-09-02")
                        .with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isForbidden());

        // by hand: lock the first team, take a visit of another team out of the plan, propose again
        var teams = board.snapshot().plan().getTeams();
        List<String> lockedDay =
                teams.getFirst().getVisits().stream().map(v -> v.getId()).toList();
        String taken = teams.stream()
                .skip(1)
                .flatMap(t -> t.getVisits().stream())
                .findFirst()
                .orElseGet(() -> teams.getFirst().getVisits().getFirst())
                .getId();
        mvc.perform(post("/personal/planering/las")
                        .param("lag", teams.getFirst().getId())
                        .with(csrf())
                        .with(httpBasic("personal", "motesdagen")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/personal/planering/flytta")
                        .param("besok", taken)
                        .param("till", "")
                        .with(csrf())
                        .with(httpBasic("personal", "motesdagen")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute(
                                "message",
                                lockedDay.contains(taken) ? "staff.planning.moveLocked" : "staff.planning.moved"));
        assertThat(mvc.perform(get("/personal/planering")
                                .param("dag", "2027-09-02")
                                .with(httpBasic("personal", "motesdagen")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("(låst)");
        solve("2027-09-02");
        assertThat(board.snapshot().plan().getTeams().getFirst().getVisits())
                .extracting(v -> v.getId())
                .as("the locked team's day stays as it was")
                .containsExactlyElementsOf(lockedDay);

        // the board is kept, so a restart or a second instance shows the same plan ...
        Document kept = mongo.findById("2027-09-02", Document.class, "draftPlans");
        Document firstTeam = kept.getList("teams", Document.class).getFirst();
        assertThat(firstTeam.getBoolean("locked")).isTrue();
        assertThat(firstTeam.getList("visitIds", String.class)).containsExactlyElementsOf(lockedDay);
        // ... and a change another instance kept later is what this one shows and publishes
        List<Document> keptTeams = kept.getList("teams", Document.class);
        Document other = keptTeams.stream()
                .skip(1)
                .filter(t -> !t.getList("visitIds", String.class).isEmpty())
                .findFirst()
                .orElseThrow();
        String takenElsewhere = other.getList("visitIds", String.class).getFirst();
        other.put(
                "visitIds",
                other.getList("visitIds", String.class).stream()
                        .filter(id -> !id.equals(takenElsewhere))
                        .toList());
        kept.put("savedAt", Date.from(Instant.now().plusSeconds(60)));
        mongo.save(kept, "draftPlans");
        mvc.perform(get("/personal/planering").param("dag", "2027-09-02").with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isOk());
        assertThat(board.snapshot().plan().getVisits())
                .filteredOn(v -> v.getId().equals(takenElsewhere))
                .singleElement()
                .satisfies(v -> assertThat(v.getTeam())
                        .as("taken out by the other instance")
                        .isNull());
        assertThat(board.snapshot().plan().getTeams().getFirst().isPinned()).isTrue();
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

        for (int round = 0; round < 2; round++) {
            publish("2027-09-03").andExpect(status().is3xxRedirection());
        }
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
        mvc.perform(get("/personal/scheman").with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Fredag 3 september 2027")))
                .andExpect(content().string(containsString("Publicerad Politiker (Kommunalråd)")))
                .andExpect(content().string(containsString("/personal/scheman/" + hostId + "/2027-09-03")))
                .andExpect(content().string(containsString("Nyköpings Testbageri AB")));
        mvc.perform(get("/personal/scheman/" + hostId + "/2027-09-03").with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tar emot: Karl Exempelsson")));
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
        mvc.perform(get("/personal/planering").with(httpBasic("personal", "motesdagen")))
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
        mvc.perform(get("/personal/besok/" + firstVisit + "/rapport").with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("allmänna handlingar")));
        mvc.perform(post("/personal/besok/" + firstVisit + "/rapport")
                        .with(csrf())
                        .with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Välj hur företaget vill få återkoppling.")))
                .andExpect(content().string(containsString("Skriv vad som fungerar eller inte")));
        mvc.perform(post("/personal/besok/" + firstVisit + "/rapport")
                        .param("worksWell", "Snabbt bygglov förra året")
                        .param("feedbackWanted", "email")
                        .param("actionWhat", "Skicka planbeskedet")
                        .param("actionDue", "snart")
                        .with(csrf())
                        .with(httpBasic("personal", "motesdagen")))
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
                            .with(httpBasic("personal", "motesdagen")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Rapporten är sparad")));
        }
        // a corrected report is not a second visit: one event, and no other comes
        await().atMost(Duration.ofSeconds(30))
                .until(() -> completedOf(topic, firstVisit).size() == 1);
        List<TopicReader.PublishedEvent> completed = await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
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
    void theStaffListShowsTheRequestsBehindTheLogin() throws Exception {
        String registrationId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    registrationId,
                    confirmed(registrationId).replace("Bagargatan 3", "Listgatan 7"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(byId(registrationId), "visitRequests"));

        mvc.perform(get("/personal/besoksforfragningar")).andExpect(status().isUnauthorized());
        mvc.perform(get("/personal/besoksforfragningar").with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Listgatan 7, Nyköping")));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
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
            producer.sendExample(
                    "registration.events",
                    "se.motesdagen.registration.erased.v1",
                    registrationId,
                    "0f8fad5b-d9cb-469f-a165-70867728950e",
                    registrationId);
        }
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
        mvc.perform(get("/personal/besoksforfragningar").with(httpBasic("personal", "motesdagen")))
                .andExpect(content().string(Matchers.not(containsString(registrationId))));
    }

    @Test
    void staffAddChangeAndRemoveOneHostWithTheFormAndAWrongFormSaysWhatToMendAndChangesNothing() throws Exception {
        mvc.perform(post("/personal/vardar/ny")
                        .param("name", "Formulär Politiker")
                        .param("email", "Form.Pol@nykoping.example")
                        .param("role", "politiker")
                        .param("expertise", "bygglov, vatten")
                        .param("availability", "2027-09-08 09:00-17:00\n2027-09-09 8.30-12.00")
                        .with(csrf())
                        .with(httpBasic("personal", "motesdagen")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", "Formulär Politiker"));
        Document saved = mongo.findOne(
                Query.query(Criteria.where("email").is("form.pol@nykoping.example")), Document.class, "hosts");
        assertThat(saved.getList("availability", Document.class)).hasSize(2);
        assertThat(saved.getList("expertise", String.class)).containsExactly("bygglov", "vatten");
        String id = saved.getString("_id");

        // no availability, a role nobody knows, and an address another host has: said beside each field
        mvc.perform(post("/personal/vardar/ny")
                        .param("name", "Utan Tid")
                        .param("email", "form.pol@nykoping.example")
                        .param("role", "borgmästare")
                        .param("availability", "")
                        .with(csrf())
                        .with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ingen tillgänglig tid")))
                .andExpect(content().string(containsString("Rollen ”borgmästare” känns inte igen")));
        mvc.perform(post("/personal/vardar/ny")
                        .param("name", "Samma Adress")
                        .param("email", "form.pol@nykoping.example")
                        .param("role", "tjänsteperson")
                        .param("availability", "2027-09-08 09:00-17:00")
                        .with(csrf())
                        .with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("används redan av Formulär Politiker")));
        assertThat(mongo.count(Query.query(Criteria.where("email").is("form.pol@nykoping.example")), "hosts"))
                .isEqualTo(1);

        mvc.perform(get("/personal/vardar/" + id).with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2027-09-09 08:30-12:00")));
        mvc.perform(post("/personal/vardar/" + id)
                        .param("name", "Formulär Politiker")
                        .param("email", "form.pol@nykoping.example")
                        .param("role", "politiker")
                        .param("availability", "2027-09-10 10:00-15:00")
                        .with(csrf())
                        .with(httpBasic("personal", "motesdagen")))
                .andExpect(status().is3xxRedirection());
        assertThat(mongo.findById(id, Document.class, "hosts").getList("availability", Document.class))
                .singleElement()
                .satisfies(
                        a -> assertThat(a.getDate("day").toInstant()).isEqualTo(Instant.parse("2027-09-10T00:00:00Z")));

        mvc.perform(post("/personal/vardar/" + id + "/ta-bort").with(csrf()).with(httpBasic("personal", "motesdagen")))
                .andExpect(status().is3xxRedirection());
        assertThat(mongo.findById(id, Document.class, "hosts")).isNull();
        mvc.perform(get("/personal/vardar/" + id).with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aVisitOutsideTheDayAddedByHandIsPlannedForItsDayAndPublishedWithoutARegistration() throws Exception {
        mvc.perform(post("/personal/besoksforfragningar/ny")
                        .param("company", "")
                        .param("contactEmail", "inte-en-adress")
                        .param("address", "Verkstadsgatan 5, Nyköping")
                        .param("windows", "5 oktober förmiddag")
                        .with(csrf())
                        .with(httpBasic("personal", "motesdagen")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Företagets namn saknas.")))
                .andExpect(content().string(containsString("”inte-en-adress” ser inte riktig ut")))
                .andExpect(content().string(containsString("”5 oktober förmiddag” går inte att läsa som tid")));
        assertThat(mongo.count(
                        Query.query(Criteria.where("address").is("Verkstadsgatan 5, Nyköping")), "visitRequests"))
                .isZero();

        String header = "namn;e-post;telefon;roll;parti eller förvaltning;kunskap;tillgänglig\n";
        importHosts(header
                        + "Höst Politiker;hp@autumn.example;;politiker;;;2027-10-05 09:00-17:00\n"
                        + "Höst Tjänsteperson;ht@autumn.example;;tjänsteperson;;;2027-10-05 09:00-17:00\n")
                .andExpect(content().string(containsString("2 värdar lades till")));
        mvc.perform(post("/personal/besoksforfragningar/ny")
                        .param("company", "Höstverkstaden Exempel AB")
                        .param("contactName", "Greta Påhittad")
                        .param("contactEmail", "greta@hostverkstaden.example")
                        .param("address", "Verkstadsgatan 5, Nyköping")
                        .param("topics", "Mark för utbyggnad")
                        .param("language", "en")
                        .param("windows", "2027-10-05 13:00-16:00")
                        .with(csrf())
                        .with(httpBasic("personal", "motesdagen")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("added", "Höstverkstaden Exempel AB"));
        String requestId = mongo.findOne(
                        Query.query(Criteria.where("companyName").is("Höstverkstaden Exempel AB")),
                        Document.class,
                        "visitRequests")
                .getString("_id");

        solve("2027-10-05");
        var planned = board.snapshot().plan().getVisits().stream()
                .filter(v -> v.getId().equals(requestId))
                .findFirst()
                .orElseThrow();
        assertThat(planned.getStart().toLocalTime()).isBetween(LocalTime.of(13, 0), LocalTime.of(15, 0));
        publish("2027-10-05").andExpect(status().is3xxRedirection());

        TopicReader topic = new TopicReader(bootstrapServers);
        TopicReader.PublishedEvent scheduled = await().atMost(Duration.ofSeconds(30))
                .until(() -> topic.read("visit.events", ("besok-" + requestId)::equals), e -> !e.isEmpty())
                .getFirst();
        assertThat(scheduled.type()).isEqualTo("se.motesdagen.visit.scheduled.v2");
        assertThat(ContractSchemas.violations(scheduled.type(), scheduled.body()))
                .isEmpty();
        assertThat(scheduled.body())
                .contains("\"registrationId\":null")
                .contains("\"eventName\":\"Company visit\"")
                .contains("\"language\":\"en\"");
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

    private static List<TopicReader.PublishedEvent> completedOf(TopicReader topic, String visitId) {
        return topic.read("visit.events", visitId::equals).stream()
                .filter(e -> e.type().equals("se.motesdagen.visit.completed.v1"))
                .toList();
    }

    /** Staff let the solver propose the day, and the proposal is on the board when this returns. */
    private void solve(String day) throws Exception {
        mvc.perform(post("/personal/planering/los")
                        .param("dag", day)
                        .with(csrf())
                        .with(httpBasic("personal", "motesdagen")))
                .andExpect(status().is3xxRedirection());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> board.snapshot().state() == PlanningBoard.State.DONE
                        && LocalDate.parse(day).equals(board.snapshot().day()));
    }

    /** Staff publish the plan on the board for the day. */
    private ResultActions publish(String day) throws Exception {
        return mvc.perform(post("/personal/planering/publicera")
                .param("dag", day)
                .with(csrf())
                .with(httpBasic("personal", "motesdagen")));
    }

    /** Staff import a host list, as the roster page's form sends it. */
    private ResultActions importHosts(String csv) throws Exception {
        return mvc.perform(multipart("/personal/vardar/import")
                .file(new MockMultipartFile("fil", "vardar.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(csrf())
                .with(httpBasic("personal", "motesdagen")));
    }

    /** The example's confirmation with its window moved to the whole working day of {@code day}. */
    private static String confirmedOn(String registrationId, String day) {
        return confirmed(registrationId)
                .replace("2027-08-26T08:00:00+02:00", day + "T09:00:00+02:00")
                .replace("2027-08-26T12:00:00+02:00", day + "T17:00:00+02:00");
    }

    /** The example's change of a registration, with the visit wish given (null: none) and the time it was made. */
    private static String updated(String registrationId, String visitRequest, String at) {
        return CloudEventProducer.example(UPDATED)
                .replace("0f8fad5b-d9cb-469f-a165-70867728950e", registrationId)
                .replace("\"visitRequest\": null", "\"visitRequest\": " + visitRequest)
                .replace("2027-06-20T09:00:00Z", at);
    }

    /** The same confirmation, without a visit wish (as JSON, so the rest stays as it was). */
    private static String withoutVisitWish(String confirmation) {
        var json = JsonMapper.builder().build();
        var body = (ObjectNode) json.readTree(confirmation);
        body.putNull("visitRequest");
        return json.writeValueAsString(body);
    }

    private static String confirmed(String registrationId) {
        return CloudEventProducer.example(CONFIRMED).replace("0f8fad5b-d9cb-469f-a165-70867728950e", registrationId);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
