package se.motesdagen.registration.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.motesdagen.platform.metrics.StoredCountGauges;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.registration.RegistrationTestBase;
import se.motesdagen.registration.support.Companies;

/** Staff's view of the registrations: the timeline, search, filters, order and the files for Excel. */
class OverviewIntegrationTests extends RegistrationTestBase {

    @Autowired
    private StoredCountGauges storedCounts;

    @Autowired
    private MeterRegistry meters;

    @Test
    void theGaugesCountRegistrationsByStateAndTheSeatsOfEachSessionAsStored() throws Exception {
        String dayId = "matare-" + UUID.randomUUID().toString().substring(0, 8);
        // a day to come, after the one the staff's list opens on
        saveDay(
                dayId,
                LocalDate.of(2031, 5, 6),
                Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(86_400),
                2);
        storedCounts.refresh();
        assertThat(gauge("motesdagen.registrations.current", "event", dayId, "state", "pending"))
                .as("a day nobody has registered for yet reads zero, not nothing")
                .isZero();

        String first = submitTo(dayId, Companies.newOrganisationNumber());
        submitTo(dayId, Companies.newOrganisationNumber());
        mvc.perform(pressConfirm(confirmPathOf(first))).andExpect(status().isOk());
        submitTo(dayId, Companies.newOrganisationNumber());

        storedCounts.refresh();

        assertThat(gauge("motesdagen.registrations.current", "event", dayId, "state", "confirmed"))
                .isEqualTo(1);
        assertThat(gauge("motesdagen.registrations.current", "event", dayId, "state", "pending"))
                .isEqualTo(2);
        assertThat(gauge("motesdagen.registrations.current", "event", dayId, "state", "cancelled"))
                .isZero();
        assertThat(gauge("motesdagen.seats.current", "event", dayId, "session", "upphandling", "state", "seated"))
                .as("the confirmed registration's seat")
                .isEqualTo(1);
        assertThat(gauge("motesdagen.seats.current", "event", dayId, "session", "upphandling", "state", "held"))
                .as("one pending registration holds the last seat")
                .isEqualTo(1);
        assertThat(gauge("motesdagen.seats.current", "event", dayId, "session", "upphandling", "state", "waiting"))
                .as("the other waits")
                .isEqualTo(1);
        assertThat(gauge("motesdagen.seats.current", "event", dayId, "session", "upphandling", "state", "free"))
                .isZero();
    }

    private double gauge(String name, String... tags) {
        return meters.get(name).tags(tags).gauge().value();
    }

    @Test
    void whatBecameOfItsMailsIsOnTheTimelineOnceAndABouncedContactAddressIsMarkedForStaff() throws Exception {
        String orgNr = Companies.newOrganisationNumber();
        mvc.perform(validForm(orgNr)).andExpect(status().is3xxRedirection());
        Document registration = registrationOf(orgNr);
        String id = registration.getString("_id");
        String contact = registration.get("contact", Document.class).getString("email");
        String sent = CloudEventProducer.example("se.motesdagen.notification.email-sent.v1")
                .replace("0f8fad5b-d9cb-469f-a165-70867728950e", id)
                .replace("astrid@testbageri.example", contact);
        String bounced = CloudEventProducer.example("se.motesdagen.notification.email-bounced.v1")
                .replace("0f8fad5b-d9cb-469f-a165-70867728950e", id)
                .replace("astrid@testbageri.example", contact);

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            String once = UUID.randomUUID().toString();
            producer.send("notification.events", once, "se.motesdagen.notification.email-sent.v1", id, sent);
            producer.send("notification.events", once, "se.motesdagen.notification.email-sent.v1", id, sent);
            producer.send(
                    "notification.events",
                    UUID.randomUUID().toString(),
                    "se.motesdagen.notification.email-bounced.v1",
                    id,
                    bounced);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> registrationOf(orgNr).get("contactUnreachable") != null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> registrationOf(orgNr).getList("history", Document.class).stream()
                        .anyMatch(h -> "MAIL_SENT".equals(h.getString("kind"))));
        List<String> kinds = registrationOf(orgNr).getList("history", Document.class).stream()
                .map(h -> h.getString("kind"))
                .toList();
        assertThat(kinds)
                .filteredOn("MAIL_SENT"::equals)
                .as("the same event twice, one entry")
                .hasSize(1);
        assertThat(kinds).filteredOn("MAIL_BOUNCED"::equals).hasSize(1);
        assertThat(registrationOf(orgNr)
                        .get("contactUnreachable", Document.class)
                        .getString("reason"))
                .startsWith("5.1.1");
        mvc.perform(get("/personal/anmalningar/" + id).with(staff()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Mejl skickat</span><span>: bekräftelse")))
                .andExpect(content().string(Matchers.containsString("Mejl studsade</span><span>: bekräftelse")))
                .andExpect(content().string(Matchers.containsString("E-post till adressen kommer inte fram")));
    }

    @Test
    void whatTheVisitAndFeedbackServicesDidIsOnTheSameTimelineWithoutAnyAnswer() throws Exception {
        String orgNr = Companies.newOrganisationNumber();
        mvc.perform(validForm(orgNr)).andExpect(status().is3xxRedirection());
        String id = registrationOf(orgNr).getString("_id");

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            for (String type : List.of(
                    "se.motesdagen.visit.scheduled.v2",
                    "se.motesdagen.visit.confirmed.v1",
                    "se.motesdagen.visit.completed.v1")) {
                producer.sendExample("visit.events", type, "besok-" + id, "0f8fad5b-d9cb-469f-a165-70867728950e", id);
            }
            // a visit added by hand names no registration: nothing to note, nothing broken
            producer.sendExample(
                    "visit.events",
                    "se.motesdagen.visit.cancelled.v1",
                    "besok-hand",
                    "\"registrationId\": \"0f8fad5b-d9cb-469f-a165-70867728950e\",",
                    "");
            producer.sendExample(
                    "feedback.events",
                    "se.motesdagen.feedback.requested.v2",
                    "inbjudan-" + id,
                    "0f8fad5b-d9cb-469f-a165-70867728950e",
                    id);
            // that it answered comes once the survey closed, dated that day; what it answered never does
            producer.sendExample(
                    "feedback.events",
                    "se.motesdagen.feedback.took-part.v1",
                    id,
                    "0f8fad5b-d9cb-469f-a165-70867728950e",
                    id);
            producer.sendExample(
                    "feedback.events",
                    "se.motesdagen.feedback.submitted.v1",
                    "svar-" + id,
                    "0f8fad5b-d9cb-469f-a165-70867728950e",
                    id);
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> registrationOf(orgNr).getList("history", Document.class).stream()
                        .map(h -> h.getString("kind"))
                        .toList()
                        .containsAll(List.of(
                                "VISIT_SCHEDULED",
                                "VISIT_CONFIRMED",
                                "VISIT_COMPLETED",
                                "SURVEY_SENT",
                                "SURVEY_ANSWERED")));
        String page = mvc.perform(get("/personal/anmalningar/" + id).with(StaffTokens.as(StaffRole.PLANNER)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("<span>Besök planerat</span><span>: 2027-08-26 10.30</span>")
                .contains("Företaget bekräftade besökstiden")
                .contains("Besöket genomfört")
                .contains("Enkät skickad")
                .contains("<time datetime=\"2027-10-05T22:00:00Z\">2027-10-06 00.00</time>")
                .contains("Svarade på enkäten (dagen den stängde; svaren är anonyma)");
        assertThat(registrationOf(orgNr).getList("history", Document.class))
                .extracting(h -> h.getString("kind"))
                .doesNotContain("VISIT_CANCELLED")
                .filteredOn(kind -> kind.startsWith("VISIT_") || kind.startsWith("SURVEY_"))
                .hasSize(5);
    }

    @Test
    void staffFindRegistrationsByNameNumberOrAddressFilterByStatusAndPage() throws Exception {
        String snickeri = Companies.newOrganisationNumber();
        String bageri = Companies.newOrganisationNumber();
        mvc.perform(validForm(snickeri, "companyName", "Sökbara Snickeriet AB", "email", "Sok@Snickeriet.example"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(validForm(bageri, "companyName", "Sökbara Bageriet AB", "email", "info@bageriet.example"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(pressConfirm(confirmPathOf(registrationOf(snickeri).getString("_id"))))
                .andExpect(status().isOk());

        assertThat(staffSearch("q", "SÖKBARA")).contains("Sökbara Snickeriet AB", "Sökbara Bageriet AB", "2 träffar");
        assertThat(staffSearch("q", snickeri.replace("-", "")))
                .contains("Sökbara Snickeriet AB", "1 träff")
                .doesNotContain("Sökbara Bageriet AB");
        assertThat(staffSearch("q", "sok@snickeriet"))
                .contains("Sökbara Snickeriet AB")
                .doesNotContain("Bageriet");
        assertThat(staffSearch("q", "sökbara", "status", "PENDING"))
                .contains("Sökbara Bageriet AB")
                .doesNotContain("Sökbara Snickeriet AB");
        // what a search box gets typed into it is text, never a pattern or markup
        assertThat(staffSearch("q", ".*")).contains("Inga träffar");
        assertThat(staffSearch("q", "<script>alert(1)</script>"))
                .contains("&lt;script&gt;")
                .doesNotContain("<script>alert(1)</script>");

        String first = staffSearch("q", "Sökbara", "size", "1");
        assertThat(first).contains("Sida 1 av 2", "Sökbara Bageriet AB").doesNotContain("Sökbara Snickeriet AB");
        assertThat(first).contains("page=1");
        assertThat(staffSearch("q", "Sökbara", "size", "1", "page", "1"))
                .contains("Sida 2 av 2", "Sökbara Snickeriet AB")
                .doesNotContain("Sökbara Bageriet AB");
    }

    @Test
    void staffExportTheirSearchAsACsvFileThatExcelReadsAndCannotBeTrickedBy() throws Exception {
        String orgNr = Companies.newOrganisationNumber();
        mvc.perform(validForm(
                        orgNr,
                        "companyName",
                        "=HYPERLINK(\"http://elak.example\";\"Åkes\")",
                        "contactName",
                        "Åsa Öberg",
                        "email",
                        "asa@exportbolaget.example"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/personal/anmalningar.csv")).andExpect(status().isUnauthorized());
        var response = mvc.perform(get("/personal/anmalningar.csv")
                        .param("q", "asa@exportbolaget")
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.startsWith("text/csv")))
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"anmalningar-stora-motesdagen-2027.csv\""))
                .andReturn()
                .getResponse();
        String csv = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines.getFirst()).startsWith("\uFEFFFöretag;Organisationsnummer;Kontaktperson;E-post");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1))
                .startsWith("\"'=HYPERLINK(\"\"http://elak.example\"\";\"\"Åkes\"\")\";" + orgNr + ";Åsa Öberg;")
                .contains("Kompetensförsörjning")
                .contains("Väntar på bekräftelse");

        // the same search as an Excel workbook: the formula stays text, the attendees get their own sheet
        byte[] xlsx = mvc.perform(get("/personal/anmalningar.xlsx")
                        .param("q", "asa@exportbolaget")
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"anmalningar-stora-motesdagen-2027.xlsx\""))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly("Anmälningar", "Deltagare");
            List<Row> registrations = sheets.get(0).read();
            assertThat(registrations).hasSize(2);
            var company = registrations.get(1).getCell(0);
            assertThat(company.getType()).isEqualTo(CellType.STRING);
            assertThat(company.getRawValue()).isEqualTo("=HYPERLINK(\"http://elak.example\";\"Åkes\")");
            assertThat(registrations.get(1).getCellText(2)).isEqualTo("Åsa Öberg");
            List<Row> attendees = sheets.get(1).read();
            assertThat(attendees).hasSize(3);
            assertThat(attendees.get(2).getCellText(1)).isEqualTo("Per Persson");
            assertThat(attendees.get(2).getCellText(5)).isEqualTo("Glutenfri kost");
        }
    }

    @Test
    void staffFilterBySessionAndVisitWishAndSortByCompany() throws Exception {
        String dayId = "filter-" + UUID.randomUUID();
        saveDay(dayId, null, null, 30);
        String withVisit = Companies.newOrganisationNumber();
        MockHttpServletRequestBuilder form = validFormFor(
                dayId,
                withVisit,
                "companyName",
                "Örebro Besök AB",
                "attendees[0].sessionIds",
                "upphandling",
                "attendees[1].sessionIds",
                null,
                "wantsVisit",
                "true",
                "visitAddress",
                "Vägen 1, Nyköping",
                "visitTopics",
                "Bygglov");
        mvc.perform(form).andExpect(status().is3xxRedirection());
        String without = Companies.newOrganisationNumber();
        MockHttpServletRequestBuilder other = validFormFor(
                dayId,
                without,
                "companyName",
                "Alfa Utan Besök AB",
                "attendees[0].sessionIds",
                null,
                "attendees[1].sessionIds",
                null);
        mvc.perform(other).andExpect(status().is3xxRedirection());

        assertThat(staffSearch("event", dayId, "visit", "true"))
                .contains("Örebro Besök AB")
                .doesNotContain("Alfa Utan");
        assertThat(staffSearch("event", dayId, "visit", "false"))
                .contains("Alfa Utan")
                .doesNotContain("Örebro Besök");
        assertThat(staffSearch("event", dayId, "session", "upphandling"))
                .contains("Örebro Besök")
                .doesNotContain("Alfa Utan");
        // Swedish order: å before ä before ö, all after z, whatever the case
        for (String company : List.of("Ängsbacken AB", "åkeriet i Tystberga AB", "Zeta Konsult AB")) {
            mvc.perform(validFormFor(
                            dayId,
                            Companies.newOrganisationNumber(),
                            "companyName",
                            company,
                            "attendees[0].sessionIds",
                            null,
                            "attendees[1].sessionIds",
                            null))
                    .andExpect(status().is3xxRedirection());
        }
        String byCompany = staffSearch("event", dayId, "sort", "company");
        assertThat(List.of("Alfa Utan", "Zeta Konsult", "åkeriet i Tystberga", "Ängsbacken", "Örebro Besök"))
                .isSortedAccordingTo(Comparator.comparingInt(byCompany::indexOf))
                .allSatisfy(name -> assertThat(byCompany).contains(name));
    }

    @Test
    void theStaffListNeedsAPlannersSignInAndShowsTheRegistrations() throws Exception {
        String orgNr = Companies.newOrganisationNumber();
        mvc.perform(validForm(orgNr, "companyName", "Listbolaget AB")).andExpect(status().is3xxRedirection());

        mvc.perform(get("/personal/anmalningar")).andExpect(status().isUnauthorized());
        mvc.perform(get("/personal/anmalningar").with(StaffTokens.bearer("inte-en-token")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/personal/anmalningar").with(StaffTokens.as(StaffRole.ANALYST)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/personal/anmalningar").with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Listbolaget AB")))
                .andExpect(content().string(Matchers.containsString(orgNr)));
    }
}
