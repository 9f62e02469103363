package se.motesdagen.registration.support;

import java.util.concurrent.ThreadLocalRandom;

/** Object mother for invented companies: organisation numbers that pass the check, names that are not real. */
public final class Companies {

    private Companies() {}

    /** A fresh aktiebolag number, so tests never collide on the one-registration-per-company rule. */
    public static String newOrganisationNumber() {
        // third digit 2–9: a lower one would read as a month, as in a personnummer
        String nine = "55" + ThreadLocalRandom.current().nextInt(2, 10)
                + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        return nine.substring(0, 6) + "-" + nine.substring(6) + luhn(nine);
    }

    private static int luhn(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < nineDigits.length(); i++) {
            int product = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10;
    }
}
