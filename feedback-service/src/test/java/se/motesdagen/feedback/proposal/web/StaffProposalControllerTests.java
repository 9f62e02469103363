package se.motesdagen.feedback.proposal.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import se.motesdagen.feedback.proposal.Proposals;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.platform.test.WebSliceTest;

/** The proposals board's forms alone: what staff are told, and that a wrong form changes nothing. */
@WebSliceTest(StaffProposalController.class)
class StaffProposalControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Proposals proposals;

    @Test
    void theBoardNeedsAStaffLogin() throws Exception {
        mvc.perform(get("/personal/forslag")).andExpect(status().isUnauthorized());
        mvc.perform(post("/personal/forslag").param("text", "Snabbare bygglov").with(csrf()))
                .andExpect(status().isUnauthorized());
        verify(proposals, never()).add(anyString(), any());
    }

    @Test
    void anEmptyOrOverlongProposalIsRefusedAndNothingIsAdded() throws Exception {
        mvc.perform(post("/personal/forslag").param("text", " ").with(csrf()).with(staff()))
                .andExpect(flash().attribute("message", "proposals.textMissing"));
        mvc.perform(post("/personal/forslag")
                        .param("text", "x".repeat(Proposals.MAX_TEXT + 1))
                        .with(csrf())
                        .with(staff()))
                .andExpect(flash().attribute("message", "proposals.textMissing"));
        verify(proposals, never()).add(anyString(), any());
    }

    @Test
    void anUnknownAreaIsDroppedAndAKnownOneKept() throws Exception {
        mvc.perform(post("/personal/forslag")
                        .param("text", "Snabbare bygglov")
                        .param("area", "<script>")
                        .with(csrf())
                        .with(staff()))
                .andExpect(flash().attribute("message", "proposals.added"));
        verify(proposals).add("Snabbare bygglov", null);
        mvc.perform(post("/personal/forslag")
                        .param("text", "En företagslots")
                        .param("area", "bygglov")
                        .with(csrf())
                        .with(staff()))
                .andExpect(flash().attribute("message", "proposals.added"));
        verify(proposals).add("En företagslots", "bygglov");
    }

    @Test
    void anActionWithoutAValidDateOrStateIsRefused() throws Exception {
        mvc.perform(post("/personal/forslag/p1/atgard")
                        .param("what", "Lotsfunktion")
                        .param("owner", "Näringslivsenheten")
                        .param("due", "31 mars")
                        .param("state", "pagar")
                        .with(csrf())
                        .with(staff()))
                .andExpect(flash().attribute("message", "proposals.actionMissing"));
        mvc.perform(post("/personal/forslag/p1/atgard")
                        .param("what", "Lotsfunktion")
                        .param("owner", "Näringslivsenheten")
                        .param("due", "2028-03-31")
                        .param("state", "nästan klar")
                        .with(csrf())
                        .with(staff()))
                .andExpect(flash().attribute("message", "proposals.actionMissing"));
        verify(proposals, never()).act(anyString(), anyString(), anyString(), any(), anyString());

        given(proposals.act("p1", "Lotsfunktion", "Näringslivsenheten", LocalDate.of(2028, 3, 31), "pagar"))
                .willReturn(true);
        mvc.perform(post("/personal/forslag/p1/atgard")
                        .param("what", "Lotsfunktion")
                        .param("owner", "Näringslivsenheten")
                        .param("due", "2028-03-31")
                        .param("state", "pagar")
                        .with(csrf())
                        .with(staff()))
                .andExpect(flash().attribute("message", "proposals.chosen"));
    }

    private static RequestPostProcessor staff() {
        return StaffTokens.as(StaffRole.ADMIN);
    }
}
