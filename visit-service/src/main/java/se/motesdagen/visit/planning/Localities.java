package se.motesdagen.visit.planning;

import java.util.List;
import java.util.Optional;

/**
 * The localities of Nyköping municipality a visit can be placed in, with approximate coordinates of
 * each centre (WGS 84). The seed: a municipality sets its own in {@link PlanningSettings}; an address is
 * placed by the locality it names.
 */
public final class Localities {

    public static final List<Place> NYKOPING = List.of(
            new Place("Nyköping", 58.7530, 17.0086),
            new Place("Stigtomta", 58.8006, 16.7876),
            new Place("Vrena", 58.8578, 16.7044),
            new Place("Jönåker", 58.7377, 16.7494),
            new Place("Tystberga", 58.8624, 17.2455),
            new Place("Svalsta", 58.7380, 16.8630),
            new Place("Buskhyttan", 58.6837, 16.9839),
            new Place("Arnö", 58.7292, 17.1027),
            new Place("Sjösa", 58.7650, 17.0950),
            new Place("Stavsjö", 58.7090, 16.4950),
            new Place("Nävekvarn", 58.6287, 16.7870),
            new Place("Koppartorp", 58.6868, 16.5230),
            new Place("Runtuna", 58.8838, 17.0940),
            new Place("Enstaberga", 58.7650, 16.8800),
            new Place("Bergshammar", 58.7520, 17.1760));

    private Localities() {}

    public static Optional<Place> named(String name) {
        return NYKOPING.stream()
                .filter(p -> p.name().equalsIgnoreCase(name.strip()))
                .findFirst();
    }
}
