package se.motesdagen.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.platform.test.WebSliceTest;

/**
 * The staff side of the security every service shares, tried the way it breaks: tokens forged, expired,
 * from another issuer or for another audience; a person with no role, or a role the mapping does not
 * know; a path no rule names.
 */
@WebSliceTest(StaffSecurityTests.Pages.class)
@ContextConfiguration(classes = StaffSecurityTests.Pages.class)
@TestPropertySource(
        properties = {
            "motesdagen.local-stack=true",
            "spring.messages.basename=platform-messages",
            "motesdagen.security.public-paths=/oppen",
            "motesdagen.staff.access[0].paths=GET /personal/resultat",
            "motesdagen.staff.access[0].roles=ADMIN, PLANNER, ANALYST",
            "motesdagen.staff.role-mapping.[sg-naringsliv-planerare]=PLANNER"
        })
class StaffSecurityTests {

    @RestController
    static class Pages {

        @GetMapping({"/oppen", "/personal/resultat", "/personal/annat"})
        String page() {
            return StaffMember.current().map(StaffMember::name).orElse("anonym");
        }

        @PostMapping("/personal/annat")
        String form() {
            return page();
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void aRoleTheRuleNamesOpensThePageAndTheFrameKnowsWhoItIs() throws Exception {
        mvc.perform(get("/personal/resultat").with(StaffTokens.as(StaffRole.ANALYST)))
                .andExpect(status().isOk())
                .andExpect(content().string("Test analyst"));
    }

    @Test
    void aGroupTheMunicipalityMappedCountsAsItsRole() throws Exception {
        String token = StaffTokens.token("p1", "Petra", "petra@nykoping.example", List.of("sg-naringsliv-planerare"));

        mvc.perform(get("/personal/resultat").with(StaffTokens.bearer(token))).andExpect(status().isOk());
    }

    @Test
    void withoutATokenAPersonIsAskedToSignInAndBackToThePage() throws Exception {
        MvcResult result = mvc.perform(get("/personal/resultat").accept(MediaType.TEXT_HTML))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", startsWith("Bearer")))
                .andReturn();

        assertThat(result.getResponse().getContentAsString())
                .contains("<h1>Logga in</h1>")
                .contains("href=\"/logga-in?till=%2Fpersonal%2Fresultat\"");
        assertThat(result.getRequest().getSession(false))
                .as("no session on a service")
                .isNull();
    }

    @Test
    void aForgedAnExpiredAForeignOrAMisaddressedTokenIsRefused() throws Exception {
        Instant inAnHour = Instant.now().plusSeconds(3600);
        List<String> refused = List.of(
                StaffTokens.forged(StaffTokens.claims("a", "A", "a@x.example", List.of("ADMIN"), inAnHour)),
                StaffTokens.token(StaffTokens.claims(
                        "a", "A", "a@x.example", List.of("ADMIN"), Instant.now().minusSeconds(120))),
                StaffTokens.token(StaffTokens.claims("a", "A", "a@x.example", List.of("ADMIN"), inAnHour)
                        .issuer("https://idp.annan-kommun.example")),
                StaffTokens.token(StaffTokens.claims("a", "A", "a@x.example", List.of("ADMIN"), inAnHour)
                        .audience("another-application")),
                "not-a-token");
        for (String token : refused) {
            mvc.perform(get("/personal/resultat")
                            .with(StaffTokens.bearer(token))
                            .accept(MediaType.TEXT_HTML))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().string(containsString("Logga in")));
        }
    }

    @Test
    void aPersonWithNoRoleOrAnUnknownOneIsToldSoAndKeptOut() throws Exception {
        for (List<String> roles : List.of(List.<String>of(), List.of("SUPERUSER", "sg-okand-grupp"))) {
            String token = StaffTokens.token("u1", "Ulla Utan Roll", "ulla@nykoping.example", roles);
            mvc.perform(get("/personal/resultat")
                            .with(StaffTokens.bearer(token))
                            .accept(MediaType.TEXT_HTML))
                    .andExpect(status().isForbidden())
                    .andExpect(content()
                            .string(containsString(
                                    "Du är inloggad som Ulla Utan Roll, men ditt konto har ingen roll i Mötesdagen")))
                    .andExpect(content().string(containsString("<form method=\"post\" action=\"/logga-ut\">")));
        }
    }

    @Test
    void aRoleTheRuleDoesNotNameIsToldWhichRoleItHas() throws Exception {
        mvc.perform(get("/personal/resultat")
                        .with(StaffTokens.as(StaffRole.HOST))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Du är inloggad som Test host (värd)")));
    }

    @Test
    void aFormNeedsItsCsrfTokenAlsoWhenTheGatewayAddedTheStaffToken() throws Exception {
        mvc.perform(post("/personal/annat").with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/personal/annat")
                        .with(StaffTokens.as(StaffRole.ADMIN))
                        .with(csrf()))
                .andExpect(status().isOk());
    }

    @Test
    void aStaffPageSetsItsCsrfCookieBeforeItIsRenderedAndKeepsAnExistingOne() throws Exception {
        MvcResult first = mvc.perform(get("/personal/resultat").with(StaffTokens.as(StaffRole.ANALYST)))
                .andReturn();
        Cookie cookie = first.getResponse().getCookie("XSRF-TOKEN");
        assertThat(cookie).as("set although the page never asked for the token").isNotNull();

        MvcResult again = mvc.perform(get("/personal/resultat")
                        .with(StaffTokens.as(StaffRole.ANALYST))
                        .cookie(cookie))
                .andReturn();
        assertThat(again.getResponse().getCookie("XSRF-TOKEN"))
                .as("an existing token is kept: " + cookie.getValue() + " / "
                        + again.getResponse().getHeaders("Set-Cookie"))
                .isNull();
        assertThat(mvc.perform(get("/oppen")).andReturn().getResponse().getCookie("XSRF-TOKEN"))
                .as("a visitor's page that shows no form gets no cookie")
                .isNull();
    }

    @Test
    void aPathNoRuleNamesIsForAdminAloneAndPublicPathsForAnyone() throws Exception {
        mvc.perform(get("/personal/annat").with(StaffTokens.as(StaffRole.PLANNER)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/personal/annat").with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isOk());
        mvc.perform(get("/oppen"))
                .andExpect(status().isOk())
                .andExpect(content().string("anonym"));
    }
}
