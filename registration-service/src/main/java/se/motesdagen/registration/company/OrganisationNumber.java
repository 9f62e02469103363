package se.motesdagen.registration.company;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Swedish organisationsnummer, normalised to {@code NNNNNN-NNNN}.
 *
 * <p>Accepted input: with or without the dash, with or without the century prefix {@code 16}, with
 * spaces. The tenth digit is a Luhn check digit over the first nine and the third digit is at least 2
 * (which is what tells an organisationsnummer from a personnummer, whose third digit is a month).
 */
public record OrganisationNumber(String value) {

    private static final Pattern NORMALISED = Pattern.compile("\\d{6}-\\d{4}");

    public OrganisationNumber {
        if (value == null || !NORMALISED.matcher(value).matches() || !isValidDigits(value.replace("-", ""))) {
            throw new IllegalArgumentException("Not a valid organisationsnummer: " + value);
        }
    }

    /** Parses what a person typed; empty when it is not a valid organisationsnummer. */
    public static Optional<OrganisationNumber> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String digits = input.strip().replace(" ", "");
        if (digits.matches("\\d{6}-\\d{4}") || digits.matches("16\\d{6}-\\d{4}")) {
            digits = digits.replace("-", "");
        }
        if (digits.length() == 12 && digits.startsWith("16")) {
            digits = digits.substring(2);
        }
        if (!digits.matches("\\d{10}") || !isValidDigits(digits)) {
            return Optional.empty();
        }
        return Optional.of(new OrganisationNumber(digits.substring(0, 6) + "-" + digits.substring(6)));
    }

    private static boolean isValidDigits(String tenDigits) {
        return tenDigits.charAt(2) >= '2' && luhnCheckDigit(tenDigits.substring(0, 9)) == tenDigits.charAt(9) - '0';
    }

    static int luhnCheckDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < nineDigits.length(); i++) {
            int digit = nineDigits.charAt(i) - '0';
            int product = i % 2 == 0 ? digit * 2 : digit;
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10;
    }

    @Override
    public String toString() {
        return value;
    }
}
