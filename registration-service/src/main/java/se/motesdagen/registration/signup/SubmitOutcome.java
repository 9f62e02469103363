package se.motesdagen.registration.signup;

import java.util.List;
import se.motesdagen.registration.programme.Day;

/** What became of a submitted form. */
public sealed interface SubmitOutcome {

    /** Stored as pending; the confirm e-mail is on its way through the outbox. */
    record Accepted(String registrationId) implements SubmitOutcome {}

    /** Nothing stored; each problem names the form field and a message key. */
    record Rejected(List<FieldProblem> problems) implements SubmitOutcome {}

    /** Nothing stored: the day does not take registrations at this moment. */
    record NotOpen(Day.Registering registering) implements SubmitOutcome {}

    record FieldProblem(String field, String messageKey) {}
}
