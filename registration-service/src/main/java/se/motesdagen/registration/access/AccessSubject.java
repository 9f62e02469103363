package se.motesdagen.registration.access;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import se.motesdagen.registration.company.CompanyIdentity;
import se.motesdagen.registration.company.OrganisationNumber;
import se.motesdagen.registration.company.PersonalIdentityNumber;

/**
 * Whom an access request is about, as the administrator typed it: an organisationsnummer, a sole
 * trader's personnummer (kept only as the keyed hash registrations are found by), or an e-mail address.
 *
 * @param value what registrations are matched on: the organisationsnummer, the identity key, or the
 *     address in lower case
 * @param shown how the request names its subject on the page and in the document
 */
public record AccessSubject(Kind kind, String value, String shown) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public enum Kind {
        ORGANISATION_NUMBER,
        PERSONAL_IDENTITY_NUMBER,
        EMAIL
    }

    /** Empty when the text is none of the three. */
    public static Optional<AccessSubject> parse(String typed, CompanyIdentity identity, LocalDate today) {
        if (typed == null || typed.isBlank() || typed.length() > 254) {
            return Optional.empty();
        }
        String text = typed.strip();
        if (text.contains("@")) {
            String email = text.toLowerCase(Locale.ROOT);
            return EMAIL.matcher(email).matches()
                    ? Optional.of(new AccessSubject(Kind.EMAIL, email, email))
                    : Optional.empty();
        }
        Optional<OrganisationNumber> organisation = OrganisationNumber.parse(text);
        if (organisation.isPresent()) {
            String number = organisation.get().value();
            return Optional.of(new AccessSubject(Kind.ORGANISATION_NUMBER, number, number));
        }
        return PersonalIdentityNumber.parse(text, today)
                .map(owner -> new AccessSubject(Kind.PERSONAL_IDENTITY_NUMBER, identity.of(owner), owner.toString()));
    }
}
