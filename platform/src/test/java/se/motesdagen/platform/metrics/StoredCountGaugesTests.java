package se.motesdagen.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import se.motesdagen.platform.metrics.StoredCount.Row;

class StoredCountGaugesTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicReference<List<Row>> stored = new AtomicReference<>(List.of());
    private final StoredCountGauges gauges = new StoredCountGauges(
            List.of(new StoredCount("motesdagen.things.current", "Things now", () -> {
                List<Row> rows = stored.get();
                if (rows == null) {
                    throw new IllegalStateException("the store does not answer");
                }
                return rows;
            })),
            meters);

    @Test
    void eachRowIsAGaugeWithItsTagsAndARowThatIsGoneIsRemoved() {
        stored.set(List.of(Row.of(3, "state", "pending"), Row.of(7, "state", "confirmed")));
        gauges.refresh();
        assertThat(value("pending")).isEqualTo(3);
        assertThat(value("confirmed")).isEqualTo(7);

        stored.set(List.of(Row.of(9, "state", "confirmed")));
        gauges.refresh();
        assertThat(value("confirmed")).isEqualTo(9);
        assertThat(meters.find("motesdagen.things.current")
                        .tag("state", "pending")
                        .gauge())
                .isNull();
    }

    @Test
    void aCountThatFailsKeepsTheLastFigures() {
        stored.set(new ArrayList<>(List.of(Row.of(4, "state", "pending"))));
        gauges.refresh();
        stored.set(null);
        gauges.refresh();
        assertThat(value("pending")).isEqualTo(4);
    }

    private double value(String state) {
        Gauge gauge =
                meters.get("motesdagen.things.current").tag("state", state).gauge();
        return gauge.value();
    }
}
