package se.motesdagen.registration.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganisationNumberTests {

    @ParameterizedTest
    @ValueSource(strings = {"556677-8899", "5566778899", "16556677-8899", "165566778899", " 556677 8899 "})
    void acceptsTheWaysPeopleWriteItAndNormalisesToSixDashFour(String typed) {
        assertThat(OrganisationNumber.parse(typed)).contains(new OrganisationNumber("556677-8899"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"556677-8898", "556677-889", "55667788990", "abcdef-ghij", "", "17556677-8899", "556677--8899"})
    void rejectsWrongCheckDigitLengthOrCharacters(String typed) {
        assertThat(OrganisationNumber.parse(typed)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8001011234", "19800101-1234"})
    void rejectsAPersonnummerWhoseThirdDigitIsAMonth(String personnummerLike) {
        assertThat(OrganisationNumber.parse(personnummerLike)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"802345-6786", "916789-0129", "212000-0142"})
    void acceptsAssociationsPartnershipsAndPublicBodies(String orgNr) {
        assertThat(OrganisationNumber.parse(orgNr)).isPresent();
    }

    @Test
    void theConstructorRefusesAnythingButTheNormalisedValidForm() {
        assertThatThrownBy(() -> new OrganisationNumber("5566778899")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrganisationNumber("556677-8898")).isInstanceOf(IllegalArgumentException.class);
    }
}
