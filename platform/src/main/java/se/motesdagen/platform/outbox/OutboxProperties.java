package se.motesdagen.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a service keeps its outbox and where the events go.
 *
 * @param topic the Kafka topic the service publishes to
 * @param batchSize how many aggregates a full scan claims at once
 * @param pollInterval how long the relay rests when it found nothing to do
 * @param fullScanInterval how often the safety-net scan runs
 * @param scanGrace how old an event must be before the scan takes it from the instance that wrote it
 * @param acknowledgementTimeout how long a round waits for the broker's acknowledgements
 */
@ConfigurationProperties("motesdagen.outbox")
public record OutboxProperties(
        String topic,
        @DefaultValue("200") int batchSize,
        @DefaultValue("100ms") Duration pollInterval,
        @DefaultValue("5s") Duration fullScanInterval,
        @DefaultValue("10s") Duration scanGrace,
        @DefaultValue("15s") Duration acknowledgementTimeout) {}
