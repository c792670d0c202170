package com.bazaar.platform;

import com.bazaar.platform.db.SqlStatementTracer;
import com.bazaar.platform.metrics.MetricsSetup;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.ByteBufAllocator;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/** Vert.x as every Bazaar process runs it: sized event loops and workers, metrics, and SQL logging in dev. */
public final class VertxSetup {
  private static final Logger SQL = LoggerFactory.getLogger("bazaar.sql");

  private VertxSetup() {
  }

  public static VertxOptions options(JsonObject config) {
    JsonObject settings = config.getJsonObject("vertx");
    return new VertxOptions()
      .setEventLoopPoolSize(Platform.eventLoops(config))
      .setWorkerPoolSize(settings.getInteger("workerPoolSize"))
      .setMaxEventLoopExecuteTime(settings.getInteger("blockedThreadWarningMs"))
      .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
      .setWarningExceptionTime(settings.getInteger("blockedThreadWarningMs"))
      .setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS)
      .setBlockedThreadCheckInterval(settings.getInteger("blockedThreadCheckIntervalMs"))
      .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
      .setMetricsOptions(MetricsSetup.options());
  }

  public static VertxBuilder builder(JsonObject config, PrometheusMeterRegistry registry) {
    warmUpBufferAllocator();
    VertxBuilder builder = Vertx.builder().withMetrics(MetricsSetup.factory(registry));
    if (config.getJsonObject("pg").getBoolean("logQueries")) {
      builder.withTracer(tracing -> new SqlStatementTracer((db, sql) -> SQL.debug("{}", sql)));
    }
    return builder;
  }

  /** A local (non-clustered) Vert.x. */
  public static Vertx local(JsonObject config, PrometheusMeterRegistry registry) {
    return builder(config, registry).with(options(config)).build();
  }

  /**
   * Netty's first pooled buffer initialises its allocator and registers a JFR event class: 180-330 ms on a slow
   * machine, which blocked whichever event loop wrote first. Allocating one buffer here, on the thread that builds
   * Vert.x, pays that before any event loop runs.
   */
  private static void warmUpBufferAllocator() {
    ByteBufAllocator.DEFAULT.directBuffer(64).release();
  }
}
