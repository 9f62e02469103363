package se.motesdagen.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The gauges of what each service's store holds now, from the {@link StoredCount} beans it declares. */
@AutoConfiguration
public class MetricsAutoConfiguration {

    @Bean(destroyMethod = "close")
    StoredCountGauges storedCountGauges(
            ObjectProvider<StoredCount> counts,
            MeterRegistry meters,
            @Value("${motesdagen.metrics.stored-counts-interval:PT1M}") Duration interval) {
        return new StoredCountGauges(counts.orderedStream().toList(), meters).start(Duration.ofSeconds(10), interval);
    }
}
