package se.motesdagen.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** The pattern the scan replaced, as the oracle: both must find the same tokens in any text. */
    private static final Pattern TOKEN = Pattern.compile("([?&]token=)([^&\\s\"'<>]+)");

    @Test
    void findsTheTokensThePatternFound() {
        List<String> texts = List.of(
                "token=abc",
                "?token=",
                "?token=&token=x",
                "a?token=one&token=two&x=token=three",
                "&amp;token=not-a-parameter ?xtoken=no ?token=yes",
                "<a href='?token=q'>?token=r\n&token=s\tt",
                "?token=token=abc",
                "??token=a>&&token=b\"",
                "slut ?token=");
        for (String text : texts) {
            assertThat(SecretLinks.eachToken(text, token -> "<" + token.length() + ">"))
                    .as(text)
                    .isEqualTo(byPattern(text));
        }
        Random random = new Random(7);
        String pieces = "?&=token\"'<> \n\tab.";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(40); j > 0; j--) {
                text.append(
                        random.nextInt(4) == 0
                                ? "token="
                                : String.valueOf(pieces.charAt(random.nextInt(pieces.length()))));
            }
            assertThat(SecretLinks.eachToken(text.toString(), token -> "<" + token.length() + ">"))
                    .as(text.toString())
                    .isEqualTo(byPattern(text.toString()));
        }
    }

    private static String byPattern(String text) {
        return TOKEN.matcher(text)
                .replaceAll(token -> Matcher.quoteReplacement(
                        token.group(1) + "<" + token.group(2).length() + ">"));
    }
}
