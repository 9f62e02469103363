package se.motesdagen.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each request waits its turn with the requests to the same service as its route in application.yml. */
class RequestsPerServiceTests {

    @ParameterizedTest
    @CsvSource({
        "/besok/svar, /besok",
        "/besok, /besok",
        "/utskick/personal/logg, /utskick",
        "/aterkoppling/enkat, /aterkoppling",
        "/inkorg/, /inkorg",
        "/besokare, /",
        "/evenemang/stora-motesdagen-2027, /",
        "/api/events/x/registrations, /",
        "/, /"
    })
    void aPathWaitsWithItsRoutesService(String path, String service) {
        assertThat(RequestsPerService.serviceOf(path)).isEqualTo(service);
    }
}
