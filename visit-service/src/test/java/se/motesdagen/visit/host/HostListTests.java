package se.motesdagen.visit.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Staff's list as Excel saves it: read when right, every wrong row named when not, nothing half-read. */
class HostListTests {

    static final String HEADER = "namn;e-post;telefon;roll;parti eller förvaltning;kunskap;tillgänglig\n";

    @Test
    void aListAsExcelSavesItReadsIntoHostsWithTheirTopicsAndTimes() {
        String csv = "\uFEFF" + HEADER
                + "Karin Påhittad;Karin@Nykoping.example;070-000 00 01;Politiker;Kommunalråd;;2027-08-26 09:00-17:00\n"
                + "Olof Exempel;olof@nykoping.example;;tjänsteperson;Näringslivsenheten;"
                + "\"bygglov, livsmedelskontroll\";\"2027-08-26 9.00-12.00, 2027-08-27 13:00–16:30\"\n";

        HostList.Read read = HostList.read(csv);

        assertThat(read.problems()).isEmpty();
        assertThat(read.ok()).isTrue();
        assertThat(read.hosts()).hasSize(2);
        HostList.HostRow karin = read.hosts().get(0);
        assertThat(karin.email()).isEqualTo("karin@nykoping.example");
        assertThat(karin.role()).isEqualTo(Host.Role.POLITICIAN);
        assertThat(karin.phone()).isEqualTo("070-000 00 01");
        HostList.HostRow olof = read.hosts().get(1);
        assertThat(olof.phone()).isNull();
        assertThat(olof.expertise()).containsExactly("bygglov", "livsmedelskontroll");
        assertThat(olof.availability())
                .containsExactly(
                        new Host.Availability(LocalDate.of(2027, 8, 26), LocalTime.of(9, 0), LocalTime.of(12, 0)),
                        new Host.Availability(LocalDate.of(2027, 8, 27), LocalTime.of(13, 0), LocalTime.of(16, 30)));
    }

    @Test
    void everyWrongRowIsNamedByItsLineWithEveryReasonAndNoRowIsRead() {
        String csv = HEADER
                + "Karin Påhittad;karin@nykoping.example;;politiker;;;2027-08-26 09:00-17:00\n"
                + ";inte-en-adress;;borgmästare;;;2027-08-26 09:00-17:00\n"
                + "Per Dubblett;KARIN@nykoping.example;;tjänsteperson;;;2027-08-26 09:00-17:00\n"
                + "Utan Tid;utan.tid@nykoping.example;;tjänsteperson;;;\n"
                + "Fel Tid;fel.tid@nykoping.example;;politiker;;;26/8 9-17, 2027-08-26 17:00-09:00\n";

        HostList.Read read = HostList.read(csv);

        assertThat(read.ok()).isFalse();
        assertThat(read.hosts()).as("a list with a wrong row imports nothing").isEmpty();
        assertThat(read.problems()).extracting(HostList.RowProblem::line).containsExactly(3L, 4L, 5L, 6L);
        assertThat(read.problems().get(0).reasons())
                .containsExactly(
                        "Namn saknas.",
                        "E-postadressen ”inte-en-adress” ser inte riktig ut.",
                        "Rollen ”borgmästare” känns inte igen: skriv politiker eller tjänsteperson.");
        assertThat(read.problems().get(1).reasons())
                .containsExactly("E-postadressen karin@nykoping.example finns redan på rad 2.");
        assertThat(read.problems().get(2).name()).isEqualTo("Utan Tid");
        assertThat(read.problems().get(2).reasons().getFirst()).startsWith("Ingen tillgänglig tid");
        assertThat(read.problems().get(3).reasons())
                .singleElement()
                .satisfies(reason -> assertThat(reason)
                        .startsWith("”26/8 9-17”, ”2027-08-26 17:00-09:00” går inte att läsa som tid"));
    }

    @Test
    void aFileWithoutTheColumnsOrWithoutRowsSaysSo() {
        assertThat(HostList.read("förnamn,efternamn\nKarin,Påhittad\n")
                        .problems()
                        .getFirst()
                        .reasons()
                        .getFirst())
                .startsWith("Kolumnerna namn, e-post, roll, parti eller förvaltning, tillgänglig saknas");
        assertThat(HostList.read(HEADER).problems().getFirst().reasons())
                .containsExactly("Listan har inga värdar under rubrikraden.");
        assertThat(HostList.read("").ok()).isFalse();
    }

    @Test
    void aCommaSeparatedListReadsToo() {
        HostList.Read read = HostList.read(HEADER.replace(';', ',')
                + "Karin Påhittad,karin@nykoping.example,,politiker,,,2027-08-26 09:00-17:00\n");

        assertThat(read.ok()).isTrue();
        assertThat(read.hosts())
                .singleElement()
                .satisfies(h -> assertThat(h.name()).isEqualTo("Karin Påhittad"));
    }
}
