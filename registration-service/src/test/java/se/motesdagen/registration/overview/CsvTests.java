package se.motesdagen.registration.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTests {

    @Test
    void excelGetsUtf8WithAByteOrderMarkSemicolonsAndCrlf() {
        byte[] file = new Csv()
                .row(List.of("Företag", "Ort"))
                .row(List.of("Åkes Bröd AB", "Nyköping"))
                .bytes();

        assertThat(Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(file, StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFFöretag;Ort\r\nÅkes Bröd AB;Nyköping\r\n");
    }

    @Test
    void aCellThatLooksLikeAFormulaIsTextAndSeparatorsAndQuotesAreQuoted() {
        assertThat(Csv.cell("=HYPERLINK(\"http://x.example\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x.example\"\")\"");
        assertThat(Csv.cell("+46 70 123")).isEqualTo("'+46 70 123");
        assertThat(Csv.cell("-1")).isEqualTo("'-1");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("Bygg; El & VVS")).isEqualTo("\"Bygg; El & VVS\"");
        assertThat(Csv.cell("rad ett\nrad två")).isEqualTo("\"rad ett\nrad två\"");
        assertThat(Csv.cell(" mellanslag ")).isEqualTo("\" mellanslag \"");
        assertThat(Csv.cell("556123-4567")).isEqualTo("556123-4567");
        assertThat(Csv.cell(null)).isEmpty();
    }
}
