package se.motesdagen.notification.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 5545 folding: at most 75 octets a line, continuation lines start with a space, no character split. */
class CalendarFoldingTests {

    @Test
    void aLineOfSwedishLettersIsFoldedByOctetsAndUnfoldsToItself() {
        String line = "DESCRIPTION:" + "Företagsbesök på Åbäcksgatan ".repeat(8);

        String folded = CalendarFiles.fold(line + "\r\nEND:VEVENT\r\n");

        assertThat(folded.split("\r\n"))
                .allSatisfy(l ->
                        assertThat(l.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75))
                .hasSizeGreaterThan(4)
                .endsWith("END:VEVENT");
        assertThat(folded.split("\r\n")[1]).startsWith(" ");
        assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\nEND:VEVENT\r\n");
    }

    @Test
    void aCharacterOfFourOctetsIsNeverCutInTwo() {
        String line = "SUMMARY:" + "a".repeat(65) + "😀😀😀";

        String folded = CalendarFiles.fold(line + "\r\n");

        assertThat(folded.split("\r\n")[0]).hasSize(8 + 65 + 0).endsWith("a");
        assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\n");
    }

    @Test
    void aShortLineIsLeftAlone() {
        assertThat(CalendarFiles.fold("BEGIN:VCALENDAR\r\n")).isEqualTo("BEGIN:VCALENDAR\r\n");
    }
}
