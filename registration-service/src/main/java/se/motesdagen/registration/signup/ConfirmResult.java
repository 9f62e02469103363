package se.motesdagen.registration.signup;

/** What a person who opened a confirm link is told. */
public sealed interface ConfirmResult {

    record Confirmed(Registration registration) implements ConfirmResult {}

    record AlreadyConfirmed(Registration registration) implements ConfirmResult {}

    record Expired() implements ConfirmResult {}

    record UnknownLink() implements ConfirmResult {}
}
