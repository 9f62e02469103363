package se.motesdagen.visit.planning;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** DOMAIN.md's assumption, by hand: straight line × 1.3 at 50 km/h, plus 5 minutes to park. */
class TravelTimesTests {

    private final TravelTimes travel = new TravelTimes();

    @Test
    void tenKilometresAsTheCrowFliesAreTwentyOneMinutes() {
        // 10 km due north: 13 km of road, 15.6 min at 50 km/h, rounded up to 16, plus 5 to park
        Place south = new Place("A", 58.70, 17.0);
        Place north = new Place("B", 58.70 + 10 / 111.195, 17.0);

        assertThat(TravelTimes.distanceKm(south, north)).isCloseTo(10.0, Offset.offset(0.01));
        assertThat(travel.minutes(south, north)).isEqualTo(21);
        assertThat(travel.minutes(north, south)).isEqualTo(21);
    }

    @Test
    void thePlaceItselfIsNoDriveAndTheMunicipalitysOwnFigureWinsBothWays() {
        Place town = Localities.named("Nyköping").orElseThrow();
        Place stigtomta = Localities.named("stigtomta ").orElseThrow();

        assertThat(travel.minutes(town, town)).isZero();
        // the centres are 13.8 km apart: 18 km of road, 22 minutes, and 5 to park
        assertThat(travel.minutes(town, stigtomta)).isEqualTo(27);

        travel.override("Nyköping", "Stigtomta", 17);

        assertThat(travel.minutes(town, stigtomta)).isEqualTo(17);
        assertThat(travel.minutes(stigtomta, town)).isEqualTo(17);
    }
}
