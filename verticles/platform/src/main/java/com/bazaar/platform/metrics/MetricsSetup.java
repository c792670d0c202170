package com.bazaar.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

import java.time.Duration;
import java.util.EnumSet;

/**
 * Builds the Prometheus registry and the Vert.x metrics (HTTP server per route, pools, event bus). Latency
 * histograms are published for HTTP routes, bus round trips and Bazaar's own timers only, to bound the series.
 */
public final class MetricsSetup {
  private MetricsSetup() {
  }

  public static PrometheusMeterRegistry newRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        String name = id.getName();
        if (name.startsWith("vertx.http.server.response.time") || name.startsWith("vertx.eventbus.")
          || name.startsWith("bazaar.") || name.startsWith("vertx.pool.")) {
          return DistributionStatisticConfig.builder()
            .percentilesHistogram(true)
            .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
            .maximumExpectedValue((double) Duration.ofSeconds(10).toNanos())
            .build()
            .merge(config);
        }
        return config;
      }
    });
    return registry;
  }

  public static MicrometerMetricsOptions options() {
    return new MicrometerMetricsOptions()
      .setEnabled(true)
      .setJvmMetricsEnabled(true)
      .setLabels(EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE,
        Label.POOL_NAME, Label.EB_ADDRESS, Label.EB_FAILURE, Label.NAMESPACE));
  }

  public static MicrometerMetricsFactory factory(PrometheusMeterRegistry registry) {
    return new MicrometerMetricsFactory(registry);
  }
}
