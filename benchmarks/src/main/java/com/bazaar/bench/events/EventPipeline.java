package com.bazaar.bench.events;

import com.bazaar.platform.Platform;
import com.bazaar.platform.VertxSetup;
import com.bazaar.platform.config.ConfigLoader;
import com.bazaar.platform.events.EventEnvelope;
import com.bazaar.platform.events.EventHandler;
import com.bazaar.platform.events.EventType;
import com.bazaar.platform.events.Outbox;
import com.bazaar.platform.events.OutboxRelay;
import com.bazaar.platform.metrics.MetricsSetup;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.rabbitmq.RabbitMQClient;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One benchmark scenario's world: a fresh Vert.x and platform on the benchmark database, its own queue, a relay (with
 * NOTIFY or polling only) and an inbox consumer. Closing it deletes the queue and empties the tables.
 */
final class EventPipeline implements AutoCloseable {
  static final String SCHEMA = "eventsbench";
  static final EventType TYPE = EventType.of("bench.happened");
  private static final String PAYLOAD = "x".repeat(200);

  final Platform platform;
  final String queue;
  private final Vertx vertx;
  private OutboxRelay relay;

  EventPipeline(String database, int batchSize, long pollIntervalMs) {
    queue = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("BAZAAR_PG_DATABASE", database);
    env.put("BAZAAR_PG_LOG_QUERIES", "false");
    JsonObject config = ConfigLoader.load(null, env);
    ConfigLoader.deepMerge(config, new JsonObject().put("events", new JsonObject()
      .put("relay", new JsonObject().put("batchSize", batchSize).put("pollIntervalMs", pollIntervalMs))
      .put("queues", new JsonObject().put(queue, new JsonObject().put("bindings", new JsonArray().add(TYPE.name()))))));
    PrometheusMeterRegistry registry = MetricsSetup.newRegistry();
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig base) {
        return id.getName().equals("bazaar.events.lag")
          ? DistributionStatisticConfig.builder().percentiles(0.5, 0.99).build().merge(base) : base;
      }
    });
    vertx = VertxSetup.local(config, registry);
    platform = new Platform(vertx, config, registry);
    long deadline = System.currentTimeMillis() + 30_000;
    while (!platform.events().broker().isConnected()) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("RabbitMQ did not connect");
      }
      pause(20);
    }
  }

  static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  EventPipeline consume() {
    EventHandler log = (tx, event) -> tx.preparedQuery("INSERT INTO applied (event_id) VALUES ($1)")
      .execute(Tuple.of(event.id())).mapEmpty();
    platform.events().consume(SCHEMA, queue, log).await();
    return this;
  }

  EventPipeline relay(boolean listen) {
    relay = platform.events().newRelay(SCHEMA);
    relay.start(listen).await();
    return this;
  }

  Pool pool() {
    return platform.db(SCHEMA).write();
  }

  /** Appends {@code count} events in transactions of {@code perTransaction}, {@code concurrency} at a time. */
  void append(int count, int perTransaction, int concurrency) {
    List<Future<Void>> inFlight = new ArrayList<>();
    for (int start = 0; start < count; start += perTransaction) {
      List<EventEnvelope> batch = new ArrayList<>(perTransaction);
      for (int i = start; i < Math.min(count, start + perTransaction); i++) {
        batch.add(EventEnvelope.of(TYPE, new JsonObject().put("n", i).put("pad", PAYLOAD)));
      }
      inFlight.add(pool().withTransaction(tx -> Outbox.appendAll(tx, batch)));
      if (inFlight.size() >= concurrency) {
        Future.all(inFlight).await();
        inFlight.clear();
      }
    }
    Future.all(inFlight).await();
  }

  /** One event in its own transaction. */
  Future<Void> appendOne() {
    EventEnvelope event = EventEnvelope.of(TYPE, new JsonObject().put("pad", PAYLOAD));
    return pool().withTransaction(tx -> Outbox.append(tx, event));
  }

  long applied() {
    return pool().query("SELECT count(*) FROM applied").execute().await().iterator().next().getLong(0);
  }

  long pending() {
    return pool().query("SELECT count(*) FROM outbox WHERE published_at IS NULL").execute().await().iterator().next()
      .getLong(0);
  }

  double lagPercentile(double percentile) {
    for (var value : platform.registry().get("bazaar.events.lag").timer().takeSnapshot().percentileValues()) {
      if (value.percentile() == percentile) {
        return value.value(java.util.concurrent.TimeUnit.MILLISECONDS);
      }
    }
    return Double.NaN;
  }

  @Override
  public void close() {
    if (relay != null) {
      relay.stop().await();
    }
    RabbitMQClient client = platform.events().broker().newClient("bench-cleanup");
    client.start().await();
    for (String name : platform.events().settings().declaredQueues(queue)) {
      client.queueDelete(name).otherwiseEmpty().await();
    }
    client.stop().await();
    pool().query("TRUNCATE outbox, inbox, applied").execute().await();
    platform.close().await();
    vertx.close().await();
  }
}
