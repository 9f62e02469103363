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
            List.of(
                    new Registration.Participant("1", "Astrid Exempelsson", null, "VD", List.of("upphandling"), null),
                    new Registration.Participant("2", "Per Persson", null, null, List.of(), "Glutenfri kost")),
            null,
            "sv",
            SUBMITTED,
            ConfirmationToken.issue(SUBMITTED, Duration.ofDays(7)));

    private static final ConfirmationToken MANAGE = ConfirmationToken.issue(SUBMITTED, Duration.ofDays(90));

    @Test
    void theCompanysSessionsAreThoseItsAttendeesAttendAndEachAttendeeClaimsOnlyTheirOwn() {
        assertThat(registration.getAttendees()).isEqualTo(2);
        assertThat(registration.getSessionIds()).containsExactly("upphandling");
        assertThat(registration.sessionsByAttendee())
                .containsEntry("1", List.of("upphandling"))
                .containsEntry("2", List.of());
    }

    @Test
    void confirmingWithinTheValidityConfirmsOnce() {
        assertThat(registration.confirm(SUBMITTED.plus(Duration.ofHours(1)), MANAGE))
                .isEqualTo(Registration.ConfirmOutcome.CONFIRMED);
        assertThat(registration.getStatus()).isEqualTo(Registration.Status.CONFIRMED);
        assertThat(registration.getConfirmedAt()).isEqualTo(SUBMITTED.plus(Duration.ofHours(1)));

        assertThat(registration.confirm(SUBMITTED.plus(Duration.ofHours(2)), MANAGE))
                .isEqualTo(Registration.ConfirmOutcome.ALREADY_CONFIRMED);
        assertThat(registration.getConfirmedAt()).isEqualTo(SUBMITTED.plus(Duration.ofHours(1)));
    }

    @Test
    void aLinkOpenedAfterItExpiredConfirmsNothing() {
        assertThat(registration.confirm(SUBMITTED.plus(Duration.ofDays(8)), MANAGE))
                .isEqualTo(Registration.ConfirmOutcome.EXPIRED);
        assertThat(registration.getStatus()).isEqualTo(Registration.Status.PENDING);
    }

    @Test
    void onlyAConfirmedRegistrationIsCancelledOnceAndOnlyUntilTheDayIsOver() {
        assertThat(registration.cancel(SUBMITTED.plus(Duration.ofHours(1))))
                .as("nothing to cancel before it is confirmed")
                .isEqualTo(Registration.CancelOutcome.EXPIRED);
        registration.confirm(SUBMITTED.plus(Duration.ofHours(1)), MANAGE);

        assertThat(registration.cancel(SUBMITTED.plus(Duration.ofDays(91))))
                .isEqualTo(Registration.CancelOutcome.EXPIRED);
        assertThat(registration.getStatus()).isEqualTo(Registration.Status.CONFIRMED);

        assertThat(registration.cancel(SUBMITTED.plus(Duration.ofDays(2))))
                .isEqualTo(Registration.CancelOutcome.CANCELLED);
        assertThat(registration.getStatus()).isEqualTo(Registration.Status.CANCELLED);
        assertThat(registration.cancel(SUBMITTED.plus(Duration.ofDays(3))))
                .isEqualTo(Registration.CancelOutcome.ALREADY_CANCELLED);
        assertThat(registration.getCancelledAt()).isEqualTo(SUBMITTED.plus(Duration.ofDays(2)));
        assertThat(registration.confirm(SUBMITTED.plus(Duration.ofDays(3)), MANAGE))
                .as("a cancelled registration is not confirmed again by its old link")
                .isEqualTo(Registration.ConfirmOutcome.ALREADY_CONFIRMED);
        assertThat(registration.getStatus()).isEqualTo(Registration.Status.CANCELLED);
    }

    @Test
    void anErasedAttendeesAnswersGoWithThemAndTheOthersStay() {
        registration.answer(List.of(
                new Registration.Answer("parkering", null, "Parkering?", List.of("yes"), "Ja"),
                new Registration.Answer("lunch", "1", "Lunch?", List.of("vanlig"), "Vanlig"),
                new Registration.Answer("lunch", "2", "Lunch?", List.of("glutenfri"), "Glutenfri")));

        assertThat(registration.erasePerson("2", "e1", SUBMITTED.plusSeconds(60)))
                .isPresent();

        assertThat(registration.getAnswers())
                .extracting(a -> a.questionId() + "/" + a.attendeeId())
                .containsExactly("parkering/null", "lunch/1");
        assertThat(registration.erase(SUBMITTED.plusSeconds(120), "begäran")).isTrue();
        assertThat(registration.getAnswers()).isEmpty();
    }

    @Test
    void aManageLinkIsMadeAgainAtMostFiveTimesADay() {
        Instant confirmed = SUBMITTED.plus(Duration.ofHours(1));
        registration.confirm(confirmed, MANAGE);
        for (int i = 0; i < Registration.LINKS_AGAIN_PER_DAY; i++) {
            assertThat(registration.reissueManageLink(
                            ConfirmationToken.issue(confirmed, Duration.ofDays(90)), confirmed.plusSeconds(i)))
                    .isTrue();
        }

        assertThat(registration.reissueManageLink(
                        ConfirmationToken.issue(confirmed, Duration.ofDays(90)), confirmed.plusSeconds(60)))
                .as("past the day's cap: nothing changes")
                .isFalse();
        assertThat(registration.reissueManageLink(
                        ConfirmationToken.issue(confirmed, Duration.ofDays(90)), confirmed.plus(Duration.ofDays(1))))
                .as("the next day")
                .isTrue();
    }
}
