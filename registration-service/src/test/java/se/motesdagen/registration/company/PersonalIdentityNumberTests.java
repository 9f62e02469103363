package se.motesdagen.registration.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Uses Skatteverket's well-known test identity 19121212-1212, never a real person's number. */
class PersonalIdentityNumberTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @ParameterizedTest
    @ValueSource(strings = {"19121212-1212", "191212121212", "121212+1212", " 19121212 1212 "})
    void acceptsTheUsualWaysOfWritingIt(String typed) {
        assertThat(PersonalIdentityNumber.parse(typed, TODAY))
                .hasValueSatisfying(p -> assertThat(p.digits()).isEqualTo("191212121212"));
    }

    @Test
    void aTenDigitNumberBelongsToTheLatestCenturyThatIsNotInTheFuture() {
        String tenDigits = "1212121212"; // 2012-12-12 is in the past on TODAY, so 2012 and not 1912
        assertThat(PersonalIdentityNumber.parse(tenDigits, TODAY))
                .hasValueSatisfying(p -> assertThat(p.digits()).startsWith("2012"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"19121212-1213", "19121312-1212", "19120230-1234", "1912121212", "abc", ""})
    void rejectsWrongCheckDigitImpossibleDateAndWrongLength(String typed) {
        assertThat(PersonalIdentityNumber.parse(typed, TODAY)).isEmpty();
    }

    @Test
    void itNeverShowsItselfInFull() {
        PersonalIdentityNumber pnr =
                PersonalIdentityNumber.parse("19121212-1212", TODAY).orElseThrow();

        assertThat(pnr.toString()).doesNotContain("1212");
    }

    @Test
    void theIdentityKeyIsAKeyedHashSoTheSameOwnerMatchesAndNothingCanBeReadBack() {
        CompanyIdentity identity = new CompanyIdentity("test-secret");
        CompanyIdentity otherSecret = new CompanyIdentity("another-secret");
        PersonalIdentityNumber a =
                PersonalIdentityNumber.parse("19121212-1212", TODAY).orElseThrow();
        PersonalIdentityNumber b =
                PersonalIdentityNumber.parse("121212+1212", TODAY).orElseThrow();

        assertThat(identity.of(a)).startsWith("pnr:").isEqualTo(identity.of(b)).doesNotContain("121212");
        assertThat(otherSecret.of(a)).isNotEqualTo(identity.of(a));
        assertThat(identity.of(new OrganisationNumber("556677-8899"))).isEqualTo("org:556677-8899");
    }
}
