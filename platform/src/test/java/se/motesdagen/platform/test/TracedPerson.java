package se.motesdagen.platform.test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A person of a registration with a name, an attendee, an address, a phone and an organisationsnummer of
 * their own, put into the contract examples in place of the examples' people, and looked for afterwards
 * in every document of a service's database. An erasure test fills every collection for them, erases the
 * registration, and expects to find them nowhere.
 */
public record TracedPerson(String name, String attendee, String email, String phone, String organisationNumber) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static TracedPerson unique() {
        String tag = letters(7);
        return new TracedPerson(
                "Irma " + capitalised(tag),
                "Ture " + capitalised(letters(7)),
                "irma." + tag + "@spar.example",
                "070-" + digits(3) + " " + digits(2) + " " + digits(2),
                newOrganisationNumber());
    }

    /** The example with its people replaced by this one. */
    public String into(String example) {
        String replaced = example;
        for (Map.Entry<String, String> swap : Map.of(
                        "Astrid Exempelsson", name,
                        "Per Persson", attendee,
                        "astrid@testbageri.example", email,
                        "070-123 45 67", phone,
                        "556677-8899", organisationNumber)
                .entrySet()) {
            replaced = replaced.replace(swap.getKey(), swap.getValue());
        }
        return replaced;
    }

    /** What names the person in the service's database: "collection/id names what", one line each. */
    public List<String> foundIn(MongoTemplate mongo, String... alsoLookFor) {
        List<String> traces = new ArrayList<>(List.of(name, attendee, email, phone, organisationNumber));
        traces.addAll(List.of(alsoLookFor));
        List<String> found = new ArrayList<>();
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.findAll(Document.class, collection)) {
                String json = document.toJson().toLowerCase(Locale.ROOT);
                for (String trace : traces) {
                    if (json.contains(trace.toLowerCase(Locale.ROOT))) {
                        found.add(collection + "/" + document.get("_id") + " names " + trace);
                    }
                }
            }
        }
        return found;
    }

    private static String letters(int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return letters.toString();
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** A made-up aktiebolag's number: 55, a third digit over 1 (a lower one reads as a month), a Luhn check digit. */
    private static String newOrganisationNumber() {
        String nine = "55" + (2 + RANDOM.nextInt(8)) + digits(6);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int d = nine.charAt(i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        int check = (10 - sum % 10) % 10;
        return nine.substring(0, 6) + "-" + nine.substring(6) + check;
    }
}
