package se.motesdagen.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
