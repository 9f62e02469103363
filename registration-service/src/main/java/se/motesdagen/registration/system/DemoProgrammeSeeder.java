package se.motesdagen.registration.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.DayRepository;

/**
 * Puts "Stora Mötesdagen 2027" in place when the local stack starts, so the first page a person sees
 * is a real one. Inserting by fixed id makes a second start a no-op.
 */
@Component
@ConditionalOnProperty(name = "motesdagen.seed-demo-day", havingValue = "true")
class DemoProgrammeSeeder implements ApplicationRunner {

    static final String EVENT_ID = "stora-motesdagen-2027";
    private static final Logger log = LoggerFactory.getLogger(DemoProgrammeSeeder.class);

    private final DayRepository events;

    DemoProgrammeSeeder(DayRepository events) {
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (events.existsById(EVENT_ID)) {
            return;
        }
        try {
            events.insert(storaMotesdagen2027());
            log.info("Seeded the demo event {}", EVENT_ID);
        } catch (DuplicateKeyException alreadySeededByAnotherInstance) {
            log.debug("Demo event already present");
        }
    }

    static Day storaMotesdagen2027() {
        return new Day(
                EVENT_ID,
                "Stora Mötesdagen 2027",
                LocalDate.of(2027, 8, 26),
                LocalTime.of(8, 30),
                LocalTime.of(15, 30),
                "Culturum, Nyköping",
                "Företagare, politiker och tjänstepersoner möts för att prata om vad som gör Nyköping till en bra"
                        + " plats att driva företag på. Dagen börjar med kommunledningens direktsända inledning kl. 9.00,"
                        + " följt av dialogpass och gemensam lunch.",
                List.of(
                        session(
                                "kompetensforsorjning",
                                "Kompetensförsörjning",
                                "Hur hittar och behåller vi rätt kompetens? Med Arbetsförmedlingen och vuxenutbildningen.",
                                10,
                                0,
                                11,
                                0,
                                "Sal A",
                                40),
                        session(
                                "bygglov-och-tillstand",
                                "Bygglov och tillstånd",
                                "Från ansökan till beslut: vad tar tid, och vad kan vi göra bättre tillsammans?",
                                10,
                                0,
                                11,
                                0,
                                "Sal B",
                                30),
                        session(
                                "upphandling",
                                "Kommunens upphandlingar",
                                "Så lämnar du anbud, och så kan mindre företag delta i kommunens upphandlingar.",
                                11,
                                15,
                                12,
                                15,
                                "Sal A",
                                35),
                        session(
                                "mark-och-lokaler",
                                "Mark och lokaler för etablering",
                                "Lediga verksamhetsområden, detaljplaner och hur kommunen hjälper till vid etablering.",
                                11,
                                15,
                                12,
                                15,
                                "Sal B",
                                25),
                        session(
                                "besoksnaring",
                                "Besöksnäring och handel i centrum",
                                "Evenemang, skyltning och ett levande centrum året runt.",
                                13,
                                15,
                                14,
                                15,
                                "Sal A",
                                30),
                        session(
                                "hallbar-omstallning",
                                "Hållbar omställning och energi",
                                "Energieffektivisering, laddinfrastruktur och stöd till klimatinvesteringar.",
                                13,
                                15,
                                14,
                                15,
                                "Sal B",
                                30),
                        session(
                                "myndighetsutovning",
                                "Service i myndighetsutövning",
                                "Tillsyn, livsmedelskontroll och serveringstillstånd: hur upplever ni kommunens service?",
                                14,
                                30,
                                15,
                                30,
                                "Sal A",
                                40)),
                // opens on 1 September 2026 at 8.00, closes when 20 August 2027 begins (Stockholm time)
                Instant.parse("2026-09-01T06:00:00Z"),
                Instant.parse("2027-08-19T22:00:00Z"));
    }

    private static Day.Session session(
            String id, String title, String description, int fromH, int fromM, int toH, int toM, String room, int cap) {
        return new Day.Session(id, title, description, LocalTime.of(fromH, fromM), LocalTime.of(toH, toM), room, cap);
    }
}
