package se.motesdagen.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The text part read out of the HTML part: what a reader of plain-text mail sees. */
class PlainTextTests {

    @Test
    void blocksListsTablesAndLinksReadAsAPersonWouldWriteThem() {
        String html = """
                <html><head><title>Ämne</title><style>p{}</style></head><body>
                <header><img src="cid:logo" alt="Logotyp"></header>
                <main>
                  <p>Hej   Astrid!</p>
                  <table><tr><th>När</th><td>26 augusti 2027</td></tr><tr><th>Var</th><td>Culturum</td></tr></table>
                  <h2>Era dialogpass</h2>
                  <ul><li><strong>kl. 10.00–11.00 Kompetens</strong>
                    <ul><li>Astrid har en plats.</li><li>Per står på väntelistan.</li></ul></li>
                    <li>kl. 13.00 Infrastruktur</li></ul>
                  <p><a class="button" href="https://example.se/hantera?token=abc">Se anmälan</a></p>
                  <p>Läs <a href="https://example.se/villkor">villkoren</a> eller skriv till
                     <a href="mailto:info@example.se">info@example.se</a>.</p>
                </main>
                <footer><p>Kommunen</p></footer>
                </body></html>""";

        assertThat(PlainText.of(html)).isEqualTo("""
                Hej Astrid!

                När: 26 augusti 2027
                Var: Culturum

                Era dialogpass
                - kl. 10.00–11.00 Kompetens
                  - Astrid har en plats.
                  - Per står på väntelistan.
                - kl. 13.00 Infrastruktur

                Se anmälan:
                https://example.se/hantera?token=abc

                Läs villkoren (https://example.se/villkor) eller skriv till info@example.se.

                ----

                Kommunen
                """);
    }
}
