package se.motesdagen.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The metric names are read out of PromQL as Prometheus would: not the functions, labels or keywords. */
class ObservabilityFilesTests {

    @Test
    void onlyTheMetricsOfAnExpressionAreNamed() {
        assertThat(ObservabilityFiles.metricsIn(
                        "sum by (job) (rate(http_server_requests_seconds_count{status=~\"5..\"}[5m])) > 0.2"))
                .containsExactly("http_server_requests_seconds_count");
        assertThat(ObservabilityFiles.metricsIn(
                        "sum by (job, group) (spring_cloud_stream_binder_kafka_offset) > 1000 and sum by (job, group)"
                                + " (deriv(spring_cloud_stream_binder_kafka_offset[10m])) > 0"))
                .containsExactly("spring_cloud_stream_binder_kafka_offset");
        assertThat(ObservabilityFiles.metricsIn(
                        "sum(rate(a_total{outcome=\"failed\"}[15m])) / clamp_min(sum(rate(b_total[15m])), 0.001)"))
                .containsExactly("a_total", "b_total");
        assertThat(ObservabilityFiles.metricsIn("up{job=~\"(registration|visit)-service|gateway\"} == 0"))
                .containsExactly("up");
    }
}
