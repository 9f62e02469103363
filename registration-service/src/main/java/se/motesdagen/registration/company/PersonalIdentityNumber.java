package se.motesdagen.registration.company;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A personnummer (or samordningsnummer), which identifies a sole trader's firm. Sensitive: it is only
 * held long enough to derive the firm's identity key, never stored, shown in full, logged or put in an
 * event; {@link #toString()} masks it.
 *
 * <p>Accepted: {@code YYYYMMDD-NNNN}, {@code YYYYMMDDNNNN}, {@code YYMMDD-NNNN}, {@code YYMMDDNNNN}
 * ({@code +} instead of {@code -} for people aged 100 or more). The last digit is a Luhn check over the
 * ten digits from the year's last two; a samordningsnummer adds 60 to the day.
 */
public final class PersonalIdentityNumber {

    private final String twelveDigits;

    private PersonalIdentityNumber(String twelveDigits) {
        this.twelveDigits = twelveDigits;
    }

    public static Optional<PersonalIdentityNumber> parse(String input, LocalDate today) {
        if (input == null) {
            return Optional.empty();
        }
        String s = input.strip().replace(" ", "");
        boolean centenarian = s.contains("+");
        s = s.replace("-", "").replace("+", "");
        if (!s.matches("\\d{10}|\\d{12}")) {
            return Optional.empty();
        }
        if (s.length() == 10) {
            int yy = Integer.parseInt(s.substring(0, 2));
            int century = today.getYear() / 100 * 100;
            int year = century + yy > today.getYear() ? century - 100 + yy : century + yy;
            if (centenarian) {
                year -= 100;
            }
            s = year + s.substring(2);
        }
        if (!isDate(s) || OrganisationNumber.luhnCheckDigit(s.substring(2, 11)) != s.charAt(11) - '0') {
            return Optional.empty();
        }
        return Optional.of(new PersonalIdentityNumber(s));
    }

    /** The normalised twelve digits, for deriving the identity key and nothing else. */
    String digits() {
        return twelveDigits;
    }

    private static boolean isDate(String twelve) {
        int year = Integer.parseInt(twelve.substring(0, 4));
        int month = Integer.parseInt(twelve.substring(4, 6));
        int day = Integer.parseInt(twelve.substring(6, 8));
        if (day > 60) {
            day -= 60; // samordningsnummer
        }
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "********-****";
    }
}
