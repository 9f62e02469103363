package se.motesdagen.visit.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.visit.VisitTestBase;

/** The host roster: a CSV list imported, one host added, changed and removed. */
class HostIntegrationTests extends VisitTestBase {

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

        mvc.perform(get("/personal/vardar").with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("olof.import@nykoping.example")))
                .andExpect(content().string(containsString("2027-08-26 09.00–17.00")));
        mvc.perform(get("/personal/vardar")).andExpect(status().isUnauthorized());
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
                        .with(StaffTokens.as(StaffRole.ADMIN)))
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
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ingen tillgänglig tid")))
                .andExpect(content().string(containsString("Rollen ”borgmästare” känns inte igen")));
        mvc.perform(post("/personal/vardar/ny")
                        .param("name", "Samma Adress")
                        .param("email", "form.pol@nykoping.example")
                        .param("role", "tjänsteperson")
                        .param("availability", "2027-09-08 09:00-17:00")
                        .with(csrf())
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("används redan av Formulär Politiker")));
        assertThat(mongo.count(Query.query(Criteria.where("email").is("form.pol@nykoping.example")), "hosts"))
                .isEqualTo(1);

        mvc.perform(get("/personal/vardar/" + id).with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2027-09-09 08:30-12:00")));
        mvc.perform(post("/personal/vardar/" + id)
                        .param("name", "Formulär Politiker")
                        .param("email", "form.pol@nykoping.example")
                        .param("role", "politiker")
                        .param("availability", "2027-09-10 10:00-15:00")
                        .with(csrf())
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().is3xxRedirection());
        assertThat(mongo.findById(id, Document.class, "hosts").getList("availability", Document.class))
                .singleElement()
                .satisfies(
                        a -> assertThat(a.getDate("day").toInstant()).isEqualTo(Instant.parse("2027-09-10T00:00:00Z")));

        mvc.perform(post("/personal/vardar/" + id + "/ta-bort").with(csrf()).with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().is3xxRedirection());
        assertThat(mongo.findById(id, Document.class, "hosts")).isNull();
        assertThat(mongo.find(Query.query(Criteria.where("record").is(id)), Document.class, "audit"))
                .as("the audit log of the host: seen, changed, removed, by whom; nothing of the host")
                .extracting(line -> line.getString("action") + " " + line.getString("subject"))
                .containsExactly("host.viewed admin", "host.changed admin", "host.removed admin");
        mvc.perform(get("/personal/vardar/" + id).with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isNotFound());
    }
}
