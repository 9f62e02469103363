package se.motesdagen.feedback.dashboard;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Index series from other sources, entered by staff. Nyköping's published Insikt NKI 2014–2022
 * (DOMAIN.md) is there from the start, as the example a municipality replaces with its own.
 */
@Service
public class ReferenceSeries {

    static final String INSIKT = "Insikt (SKR), Nyköping";
    static final Map<Integer, Double> NYKOPING_INSIKT =
            Map.of(2014, 63.0, 2016, 71.0, 2017, 70.0, 2018, 71.0, 2019, 76.0, 2020, 77.0, 2021, 75.0, 2022, 76.0);

    private final ReferencePointRepository points;

    ReferenceSeries(ReferencePointRepository points) {
        this.points = points;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (points.count() == 0) {
            NYKOPING_INSIKT.forEach((year, index) ->
                    points.save(new ReferencePoint(ReferencePoint.idOf(INSIKT, year), INSIKT, year, index)));
        }
    }

    public List<ReferencePoint> all() {
        return points.findAllByOrderBySourceAscYearAsc();
    }

    /** Enters a year of a source (again: corrects it). */
    public void enter(String source, int year, double index) {
        points.save(new ReferencePoint(ReferencePoint.idOf(source, year), source, year, index));
    }
}
