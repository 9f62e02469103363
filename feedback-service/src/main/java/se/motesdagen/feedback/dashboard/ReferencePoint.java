package se.motesdagen.feedback.dashboard;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One year of an index from another source (SKR's Insikt, for one), drawn beside our own figures and
 * always named as that source's. Keyed by source and year: entering a year again corrects it.
 */
@Document("referencePoints")
public record ReferencePoint(@Id String id, String source, int year, double index) {

    static String idOf(String source, int year) {
        return source + "/" + year;
    }
}
