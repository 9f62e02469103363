package se.motesdagen.visit.host.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.platform.test.WebSliceTest;
import se.motesdagen.visit.host.Host;
import se.motesdagen.visit.host.Hosts;

/**
 * The host roster's pages alone (the web layer with the platform's security and page frame, the
 * feature a mock): what staff see, what a wrong form says, and that nothing is stored from it.
 */
@WebSliceTest(StaffHostController.class)
class StaffHostControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Hosts hosts;

    @Test
    void theRosterNeedsAStaffLoginAndListsTheHosts() throws Exception {
        given(hosts.all()).willReturn(List.of(karin()));

        mvc.perform(get("/personal/vardar")).andExpect(status().isUnauthorized());
        mvc.perform(get("/personal/vardar").with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Karin Påhittad")))
                .andExpect(content().string(containsString("namn;e-post;telefon;roll")));
    }

    @Test
    void aFormWithoutNameOrRoleSaysWhatToMendBesideTheFieldsAndStoresNothing() throws Exception {
        mvc.perform(post("/personal/vardar/ny")
                        .param("name", "")
                        .param("email", "inte-en-adress")
                        .with(csrf())
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        verify(hosts, never()).save(any(), any());
    }

    @Test
    void anAddressAnotherHostHasIsRefusedWithThatHostsName() throws Exception {
        given(hosts.save(eq(null), any())).willReturn(new Hosts.EmailTaken("Olof Exempel"));

        mvc.perform(post("/personal/vardar/ny")
                        .param("name", "Karin Påhittad")
                        .param("email", "olof@nykoping.example")
                        .param("role", "politiker")
                        .param("availability", "2027-08-26 09:00-17:00")
                        .with(csrf())
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("används redan av Olof Exempel")));
    }

    @Test
    void aGoodFormIsStoredAndLeadsBackToTheRoster() throws Exception {
        given(hosts.save(eq(null), any())).willReturn(new Hosts.Stored(karin()));

        mvc.perform(post("/personal/vardar/ny")
                        .param("name", "Karin Påhittad")
                        .param("email", "karin@nykoping.example")
                        .param("role", "politiker")
                        .param("availability", "2027-08-26 09:00-17:00")
                        .with(csrf())
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(redirectedUrl("/personal/vardar"));
    }

    @Test
    void anUnknownHostIsNotFound() throws Exception {
        given(hosts.find("nobody")).willReturn(Optional.empty());

        mvc.perform(get("/personal/vardar/nobody").with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().isNotFound());
    }

    private static Host karin() {
        return new Host(
                "karin",
                "Karin Påhittad",
                "karin@nykoping.example",
                null,
                Host.Role.POLITICIAN,
                "Kommunalråd",
                List.of("bygglov"),
                List.of(new Host.Availability(LocalDate.of(2027, 8, 26), LocalTime.of(9, 0), LocalTime.of(17, 0))),
                Instant.parse("2027-06-01T10:00:00Z"));
    }
}
