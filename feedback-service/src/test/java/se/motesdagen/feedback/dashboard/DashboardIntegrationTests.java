package se.motesdagen.feedback.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.motesdagen.feedback.FeedbackTestBase;
import se.motesdagen.feedback.system.DemoAnswers;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.StaffTokens;

/** The dashboard: NKI with its interval, suppressed below seven answers, exports without names, the demo answers. */
class DashboardIntegrationTests extends FeedbackTestBase {

    @Test
    void theDashboardShowsNkiWithItsIntervalFromSevenAnswersSuppressesItBelowAndExportsTheAnswersWithoutNames()
            throws Exception {
        // the seven respondents worked out by hand in NkiArithmeticTests: NKI 75.2, interval 58.3–92.2
        int[][] nki = {{6, 6, 6}, {5, 5, 5}, {4, 4, 4}, {5, 4, 4}, {6, 5, 5}, {3, 3, 4}, {5, 5, 6}};
        for (int i = 0; i < nki.length; i++) {
            Document ratings = new Document("nki-helhet", nki[i][0])
                    .append("nki-forvantningar", nki[i][1])
                    .append("nki-ideal", nki[i][2])
                    .append("bemotande", 6);
            mongo.insert(
                    new Document("_id", "dash-" + i)
                            .append("kind", "yearly")
                            .append("aboutTitle", "Serviceenkäten 2031")
                            .append("aboutDate", Date.from(Instant.parse("2031-05-01T00:00:00Z")))
                            .append("recipientName", "Namn " + i)
                            .append("companyName", "Bolag " + i)
                            .append("closesAt", Date.from(Instant.parse("2031-06-01T00:00:00Z")))
                            .append(
                                    "answer",
                                    new Document("ratings", ratings)
                                            .append(
                                                    "change",
                                                    i == 0 ? "=HYPERLINK(\"x\")" : i == 1 ? "Snabbare bygglov" : null)
                                            .append("wantsContact", i == 1))
                            .append("submittedAt", Date.from(Instant.parse("2031-05-0" + (i + 2) + "T10:00:00Z"))),
                    "invitations");
        }
        mongo.insert(
                new Document("_id", "dash-unanswered")
                        .append("kind", "yearly")
                        .append("aboutTitle", "Serviceenkäten 2031")
                        .append("aboutDate", Date.from(Instant.parse("2031-05-01T00:00:00Z")))
                        .append("closesAt", Date.from(Instant.parse("2031-06-01T00:00:00Z"))),
                "invitations");

        mvc.perform(get("/personal/resultat").param("enkat", "yearly").param("ar", "2031"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/personal/resultat")
                        .param("enkat", "yearly")
                        .param("ar", "2031")
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong>75</strong> <span>Högt</span>")))
                .andExpect(content().string(containsString("95 % konfidensintervall 58–92, 7 svar.")))
                .andExpect(content().string(containsString("88 %"))) // 7 of 8 invited: 87.5 → 88
                .andExpect(content().string(containsString("Snabbare bygglov")))
                .andExpect(content().string(containsString("vill bli kontaktad: Namn 1, Bolag 1")))
                .andExpect(content().string(Matchers.not(containsString("Namn 2"))))
                .andExpect(content().string(containsString("Annan källa: Insikt (SKR), Nyköping")));
        // an analyst sees the same figures and words, and nobody's name
        mvc.perform(get("/personal/resultat")
                        .param("enkat", "yearly")
                        .param("ar", "2031")
                        .with(StaffTokens.as(StaffRole.ANALYST)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong>75</strong> <span>Högt</span>")))
                .andExpect(content().string(containsString("Snabbare bygglov")))
                .andExpect(content().string(Matchers.not(containsString("Namn 1"))))
                .andExpect(content().string(Matchers.not(containsString("Bolag 1"))));
        assertThat(mvc.perform(get("/personal/resultat/svar.csv")
                                .param("enkat", "yearly")
                                .param("ar", "2031")
                                .with(StaffTokens.as(StaffRole.ANALYST)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("Snabbare bygglov")
                .doesNotContain("Namn 1")
                .doesNotContain("Bolag 1");
        // a search finds only what it names
        mvc.perform(get("/personal/resultat")
                        .param("enkat", "yearly")
                        .param("ar", "2031")
                        .param("sok", "bygglov")
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(content().string(containsString("Snabbare bygglov")))
                .andExpect(content().string(Matchers.not(containsString("HYPERLINK"))));
        // one year fewer answers than seven: suppressed, the number shown
        mongo.remove(Query.query(Criteria.where("_id").is("dash-6")), "invitations");
        mvc.perform(get("/personal/resultat")
                        .param("enkat", "yearly")
                        .param("ar", "2031")
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(content().string(containsString("6 svar: för få för att visa ett index (minst 7).")));

        String csv = mvc.perform(get("/personal/resultat/svar.csv")
                        .param("enkat", "yearly")
                        .param("ar", "2031")
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFenkät;gäller;datum;område;nki;");
        assertThat(csv.lines()).hasSize(1 + 6);
        assertThat(csv).contains("'=HYPERLINK").contains("Namn 1, Bolag 1").doesNotContain("Namn 2");

        byte[] xlsx = mvc.perform(get("/personal/resultat/svar.xlsx")
                        .param("enkat", "yearly")
                        .param("ar", "2031")
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            var index = workbook.getSheets()
                    .filter(s -> s.getName().equals("Index"))
                    .findFirst()
                    .orElseThrow()
                    .read();
            // six answers left: NKI suppressed, its count shown; bemötande has six answers too
            assertThat(index.get(1).getCellText(0)).isEqualTo("NKI");
            assertThat(index.get(1).getCellText(4)).isEqualTo("6");
            assertThat(index.get(1).getCellText(5)).isEqualTo("för få svar");
            var answers = workbook.getSheets()
                    .filter(s -> s.getName().equals("Svar"))
                    .findFirst()
                    .orElseThrow()
                    .read();
            assertThat(answers).hasSize(1 + 6);
        }
    }

    @Test
    void theLocalStacksInventedAnswersFillTheDashboardOnceWithNoNameAndNoMail(@Autowired ApplicationContext context)
            throws Exception {
        var seeder = context.getAutowireCapableBeanFactory().createBean(DemoAnswers.class);
        seeder.run(null);
        seeder.run(null); // a second start adds nothing

        Query demo = Query.query(Criteria.where("_id").regex("^demo-"));
        assertThat(mongo.count(demo, "invitations")).isEqualTo(34 + 6 + 38 + 10);
        assertThat(mongo.count(
                        Query.query(Criteria.where("_id")
                                .regex("^demo-")
                                .and("submittedAt")
                                .ne(null)),
                        "invitations"))
                .isEqualTo(22 + 4 + 26 + 8);
        assertThat(mongo.find(demo, Document.class, "invitations")).allSatisfy(invitation -> {
            assertThat(invitation.get("recipientEmail")).isNull();
            assertThat(invitation.get("recipientName")).isNull();
            assertThat(invitation.getList("outbox", Document.class)).isEmpty();
        });
        var staff = StaffTokens.as(StaffRole.ADMIN);
        mvc.perform(get("/personal/resultat")
                        .param("enkat", "day")
                        .param("ar", "2026")
                        .with(staff))
                .andExpect(content().string(containsString("95 % konfidensintervall")))
                .andExpect(content().string(containsString("26 svar.")))
                .andExpect(content().string(containsString("NKI per mötesdag")))
                .andExpect(content().string(containsString("<th scope=\"row\">Stora Mötesdagen 2026</th>")));
        // every day's NKI beside the others, the newest first
        String allDays = mvc.perform(
                        get("/personal/resultat").param("enkat", "day").with(staff))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(allDays.indexOf("<th scope=\"row\">Stora Mötesdagen 2026</th>"))
                .isPositive()
                .isLessThan(allDays.indexOf("<th scope=\"row\">Stora Mötesdagen 2025</th>"));
        mvc.perform(get("/personal/resultat")
                        .param("enkat", "visit")
                        .param("ar", "2025")
                        .with(staff))
                .andExpect(content().string(containsString("4 svar: för få för att visa ett index (minst 7).")));
    }
}
