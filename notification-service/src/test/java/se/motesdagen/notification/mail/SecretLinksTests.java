package se.motesdagen.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import se.motesdagen.platform.security.LinkSeal;

class SecretLinksTests {

    @Test
    void takesOutEveryTokenAndLeavesTheRestOfTheTextAlone() {
        String body = """
                Bekräfta här: http://localhost:8080/anmalan/bekrafta?token=Abc_123-xyz
                Ändra: https://motesdagen.example/anmalan/hantera?lang=sv&token=QQQ-999.
                <a href="https://motesdagen.example/enkat?token=s3cr3t">Enkät</a>
                Programmet: https://motesdagen.example/evenemang/stora-motesdagen-2027?lang=sv
                """;

        String redacted = SecretLinks.redact(body);

        assertThat(redacted)
                .doesNotContain("Abc_123-xyz", "QQQ-999", "s3cr3t")
                .contains("bekrafta?token=[borttagen]")
                .contains("hantera?lang=sv&token=[borttagen]")
                .contains("enkat?token=[borttagen]\">Enkät</a>")
                .contains("https://motesdagen.example/evenemang/stora-motesdagen-2027?lang=sv");
        assertThat(SecretLinks.redact("Inga länkar här.")).isEqualTo("Inga länkar här.");
        assertThat(SecretLinks.redact(null)).isNull();
    }

    @Test
    void sealedTokensOpenOnlyForTheirRecipientAndRedactLikeAnyOther() {
        var seal = LinkSeal.of("t:" + "c".repeat(43) + "=");
        String body =
                "Bekräfta: http://x/anmalan/bekrafta?token=Abc_123-xyz och <a href=\"http://x/enkat?lang=sv&token=s3cr3t\">";

        String sealed = SecretLinks.seal(body, seal, "astrid@testbageri.example");

        assertThat(sealed).doesNotContain("Abc_123-xyz", "s3cr3t").contains("bekrafta?token=seal1.t.");
        assertThat(SecretLinks.seal(sealed, seal, "astrid@testbageri.example"))
                .as("sealed once")
                .isEqualTo(sealed);
        assertThat(SecretLinks.open(sealed, seal, "astrid@testbageri.example")).isEqualTo(body);
        assertThat(SecretLinks.open(body, seal, "astrid@testbageri.example"))
                .as("plain stays")
                .isEqualTo(body);
        assertThat(SecretLinks.redact(sealed))
                .isEqualTo(
                        "Bekräfta: http://x/anmalan/bekrafta?token=[borttagen] och <a href=\"http://x/enkat?lang=sv&token=[borttagen]\">");
        Assertions.assertThatThrownBy(() -> SecretLinks.open(sealed, seal, "per@annat.example"))
                .isInstanceOf(LinkSeal.UnopenableLinkException.class);
        assertThat(SecretLinks.seal(null, seal, "a@b.example")).isNull();
    }
}
