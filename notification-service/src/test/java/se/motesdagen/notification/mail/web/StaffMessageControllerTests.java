package se.motesdagen.notification.mail.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import se.motesdagen.notification.mail.DeliveryLog;
import se.motesdagen.notification.mail.MailSender;
import se.motesdagen.notification.mail.Mailbox;
import se.motesdagen.notification.mail.MessageRepository;
import se.motesdagen.notification.mail.OutgoingMessage;
import se.motesdagen.notification.mail.TemplatePreviews;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.platform.test.WebSliceTest;

/** The delivery log's pages alone: a message as sent, under a CSP that runs nothing, and sending it again only with a reason. */
@WebSliceTest(StaffMessageController.class)
class StaffMessageControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DeliveryLog log;

    @MockitoBean
    MessageRepository messages;

    @MockitoBean
    Mailbox mailbox;

    @MockitoBean
    TemplatePreviews previews;

    @MockitoBean
    MailSender sender;

    @Test
    void aMessageIsShownAsItWasSentBehindTheLogin() throws Exception {
        given(messages.findById("e1:cancellation")).willReturn(Optional.of(message()));
        given(log.copiesOf("e1:cancellation")).willReturn(List.of());

        mvc.perform(get("/personal/meddelanden/e1:cancellation")).andExpect(status().isUnauthorized());
        mvc.perform(get("/personal/meddelanden/e1:cancellation").with(staff()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("astrid@testbageri.example")));
        mvc.perform(get("/personal/meddelanden/e1:cancellation/html").with(staff()))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")));
    }

    @Test
    void sendingAgainWithoutAReasonSaysSoAndSendsNothing() throws Exception {
        given(messages.findById("e1:cancellation")).willReturn(Optional.of(message()));
        given(log.copiesOf("e1:cancellation")).willReturn(List.of());

        mvc.perform(post("/personal/meddelanden/e1:cancellation/skicka-igen")
                        .param("reason", "  ")
                        .with(csrf())
                        .with(staff()))
                .andExpect(content().string(containsString("Skriv varför mejlet skickas igen.")));
        verify(mailbox, never()).resend(anyString(), anyString(), anyString());
    }

    @Test
    void sendingAgainWithAReasonKeepsTheStaffMembersNameAndOpensTheCopy() throws Exception {
        OutgoingMessage copy = message();
        given(messages.findById("e1:cancellation")).willReturn(Optional.of(message()));
        given(mailbox.resend("e1:cancellation", "admin", "Adressen var felstavad"))
                .willReturn(Optional.of(copy));

        mvc.perform(post("/personal/meddelanden/e1:cancellation/skicka-igen")
                        .param("reason", " Adressen var felstavad ")
                        .with(csrf())
                        .with(staff()))
                .andExpect(redirectedUrl("/personal/meddelanden/" + copy.getId()));
    }

    @Test
    void anUnknownMessageIsNotFound() throws Exception {
        given(messages.findById("nothing")).willReturn(Optional.empty());

        mvc.perform(get("/personal/meddelanden/nothing").with(staff())).andExpect(status().isNotFound());
    }

    private static RequestPostProcessor staff() {
        return StaffTokens.as(StaffRole.ADMIN);
    }

    private static OutgoingMessage message() {
        return new OutgoingMessage(
                "e1:cancellation",
                "e1",
                "cancellation",
                "r-1",
                "astrid@testbageri.example",
                "Din avbokning",
                "Hej!",
                "<p>Hej!</p>",
                List.of(),
                Instant.parse("2027-06-01T10:00:00Z"));
    }
}
