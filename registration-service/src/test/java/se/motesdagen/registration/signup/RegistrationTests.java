package se.motesdagen.registration.signup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistrationTests {

    private static final Instant SUBMITTED = Instant.parse("2027-06-01T10:00:00Z");

    private final Registration registration = new Registration(
            "r1",
            "stora-motesdagen-2027",
            new Registration.Company("Testbageriet AB", "556677-8899", false, "org:556677-8899"),
            new Registration.Contact("Astrid Exempelsson", "astrid@example.test", null),
            2,
            List.of("upphandling"),
            null,
            "sv",
            SUBMITTED,
            ConfirmationToken.issue(SUBMITTED, Duration.ofDays(7)));

    @Test
    void confirmingWithinTheValidityConfirmsOnce() {
        assertThat(registration.confirm(SUBMITTED.plus(Duration.ofHours(1))))
                .isEqualTo(Registration.ConfirmOutcome.CONFIRMED);
        assertThat(registration.getStatus()).isEqualTo(Registration.Status.CONFIRMED);
        assertThat(registration.getConfirmedAt()).isEqualTo(SUBMITTED.plus(Duration.ofHours(1)));

        assertThat(registration.confirm(SUBMITTED.plus(Duration.ofHours(2))))
                .isEqualTo(Registration.ConfirmOutcome.ALREADY_CONFIRMED);
        assertThat(registration.getConfirmedAt()).isEqualTo(SUBMITTED.plus(Duration.ofHours(1)));
    }

    @Test
    void aLinkOpenedAfterItExpiredConfirmsNothing() {
        assertThat(registration.confirm(SUBMITTED.plus(Duration.ofDays(8))))
                .isEqualTo(Registration.ConfirmOutcome.EXPIRED);
        assertThat(registration.getStatus()).isEqualTo(Registration.Status.PENDING);
    }
}
