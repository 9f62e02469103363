package se.motesdagen.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class LocalMailTests {

    @Test
    void theLocalSmtpServerIsThePromptOneAndTheDrillsSwitchTakesItAwayAndBringsItBack() throws Exception {
        GreenMail mail = new LocalMail(ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort());
        mail.start();
        try {
            assertThat(mail.getSmtp()).isInstanceOf(LocalMail.PromptSmtpServer.class);
            send(mail, "före@inkorg.local");

            SmtpSwitch drill = new SmtpSwitch(mail);
            drill.off();
            assertThat(drill.isOn()).isFalse();
            assertThatThrownBy(() -> send(mail, "under@inkorg.local"))
                    .rootCause()
                    .isInstanceOf(ConnectException.class);

            drill.on();
            send(mail, "efter@inkorg.local");
            assertThat(mail.getReceivedMessages())
                    .extracting(m -> m.getAllRecipients()[0].toString())
                    .containsExactly("före@inkorg.local", "efter@inkorg.local");
        } finally {
            mail.stop();
        }
    }

    private static void send(GreenMail mail, String to) {
        GreenMailUtil.sendTextEmail(
                to,
                "avsandare@nykoping.example",
                "Bekräfta",
                "Hej",
                mail.getSmtp().getServerSetup());
    }
}
