package se.motesdagen.visit.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.motesdagen.visit.VisitTestBase;

/** Visits older than the retention period, also those added by hand, forget the company's contact; newer ones do not. */
class VisitRetentionIntegrationTests extends VisitTestBase {

    @Autowired
    VisitRetention retention;

    @Test
    void aVisitOnADayBeforeTheCutoffNoLongerNamesItsContactAndALaterOneStill() {
        String old = "besok-gammalt-" + UUID.randomUUID();
        String recent = "besok-nytt-" + UUID.randomUUID();
        mongo.insert(visit(old, LocalDate.of(2024, 5, 14)), "visits");
        mongo.insert(visit(recent, LocalDate.of(2027, 9, 3)), "visits");

        int forgotten = retention.forgetBefore(LocalDate.of(2025, 6, 1));

        assertThat(forgotten).isGreaterThanOrEqualTo(1);
        Document kept = mongo.findById(old, Document.class, "visits");
        assertThat(kept.toJson())
                .doesNotContain("Karin Kontakt")
                .doesNotContain("karin@")
                .doesNotContain("070-");
        assertThat(kept.getString("company"))
                .as("the company and the visit stay")
                .isEqualTo("Handbesöket AB");
        assertThat(mongo.findById(recent, Document.class, "visits").getString("contactEmail"))
                .isEqualTo("karin@handbesoket.example");
        assertThat(retention.forgetBefore(LocalDate.of(2025, 6, 1)))
                .as("done once")
                .isZero();
    }

    private static Document visit(String id, LocalDate day) {
        return new Document("_id", id)
                .append("day", Date.from(day.atStartOfDay().toInstant(ZoneOffset.UTC)))
                .append("company", "Handbesöket AB")
                .append("contactName", "Karin Kontakt")
                .append("contactEmail", "karin@handbesoket.example")
                .append("contactPhone", "070-000 00 07")
                .append("status", "COMPLETED")
                .append("version", 0L)
                .append("outbox", List.of());
    }
}
