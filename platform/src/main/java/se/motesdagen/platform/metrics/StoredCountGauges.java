package se.motesdagen.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts every {@link StoredCount} of the service on one daemon thread, every interval, and publishes the
 * rows as gauges. A row that no longer exists (a session taken out, a state no registration has any more)
 * is removed from the gauge; a count that fails keeps its last figures and is tried again next time.
 */
public class StoredCountGauges implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoredCountGauges.class);

    private final Map<StoredCount, MultiGauge> gauges = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "stored-counts");
        thread.setDaemon(true);
        return thread;
    });

    public StoredCountGauges(List<StoredCount> counts, MeterRegistry meters) {
        for (StoredCount count : counts) {
            gauges.put(
                    count,
                    MultiGauge.builder(count.name())
                            .description(count.description())
                            .register(meters));
        }
    }

    /** Counts every one now. */
    public void refresh() {
        gauges.forEach((count, gauge) -> {
            try {
                gauge.register(
                        count.count().get().stream()
                                .map(row -> MultiGauge.Row.of(row.tags(), row.value()))
                                .toList(),
                        true);
            } catch (RuntimeException e) {
                log.warn("Could not count {}: {}", count.name(), e.toString());
            }
        });
    }

    /** Counts after {@code delay} (the store and the programme are ready by then), then every {@code interval}. */
    public StoredCountGauges start(Duration delay, Duration interval) {
        if (!gauges.isEmpty()) {
            timer.scheduleWithFixedDelay(this::refresh, delay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
