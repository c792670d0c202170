package com.bazaar.bench.events;

import com.bazaar.platform.Platform;
import com.bazaar.platform.VertxSetup;
import com.bazaar.platform.amqp.OutgoingMessage;
import com.bazaar.platform.config.ConfigLoader;
import com.bazaar.platform.db.DatabaseBootstrap;
import com.bazaar.platform.events.EventEnvelope;
import com.bazaar.platform.metrics.MetricsSetup;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The event kit measured end to end on the real PostgreSQL and RabbitMQ, every figure from the same run:
 * <ul>
 *   <li>the ceiling: publishing the same messages with confirms, no database, in batches of 1, 10 and 100;</li>
 *   <li>throughput from append to the consumer's commit, with the relay's batch at 1, 10 and 100, woken by NOTIFY,
 *   and at 100 with polling only; lag percentiles at that saturation;</li>
 *   <li>the relay alone (a full outbox to the broker's confirms) and the consumer alone (a full queue to its
 *   commits), to show which side bounds the pipeline;</li>
 *   <li>latency from append to the consumer's commit at a paced 200 events/s, NOTIFY against polling only.</li>
 * </ul>
 * {@code java -cp verticles/app/target/bazaar.jar:benchmarks/target/benchmarks.jar com.bazaar.bench.events.EventsBench
 * --out benchmarks/results/<date>-events [--events 10000]}
 */
public final class EventsBench {
  private static final String DATABASE = "bazaar_bench_events";
  private static final int PACED_RATE = 200;
  private static final int PACED_SECONDS = 10;

  private final int events;
  private final List<JsonObject> rows = new ArrayList<>();

  private EventsBench(int events) {
    this.events = events;
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> options = options(args);
    Path out = Path.of(options.getOrDefault("--out", "benchmarks/results/events"));
    EventsBench bench = new EventsBench(Integer.parseInt(options.getOrDefault("--events", "10000")));
    prepareDatabase();
    for (int batch : new int[] {1, 10, 100}) {
      bench.ceiling(batch);
    }
    for (int batch : new int[] {1, 10, 100}) {
      bench.throughput(batch, true);
    }
    bench.throughput(100, false);
    bench.relayOnly(100);
    bench.consumerOnly();
    bench.pacedLatency(true);
    bench.pacedLatency(false);
    bench.write(out, String.join(" ", args));
    System.exit(0);
  }

  private void ceiling(int batch) {
    try (EventPipeline pipeline = new EventPipeline(DATABASE, batch, 1000)) {
      long start = System.nanoTime();
      for (int sent = 0; sent < events; sent += batch) {
        List<OutgoingMessage> messages = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
          EventEnvelope event = EventEnvelope.of(EventPipeline.TYPE, new JsonObject().put("n", sent + i)
            .put("pad", "x".repeat(200)));
          messages.add(OutgoingMessage.toQueue(pipeline.queue, event.id().toString(), event.type(), Map.of(),
            event.encode()));
        }
        pipeline.platform.events().broker().publisher().publish(messages).await();
      }
      record("ceiling: publish with confirms, no database", batch, "-", events, System.nanoTime() - start, null);
    }
  }

  private void throughput(int batch, boolean listen) {
    try (EventPipeline pipeline = new EventPipeline(DATABASE, batch, 1000).consume().relay(listen)) {
      long start = System.nanoTime();
      pipeline.append(events, 10, 4);
      while (pipeline.applied() < events) {
        EventPipeline.pause(10);
      }
      record("append to consumer commit, saturated", batch, listen ? "NOTIFY" : "poll 1 s", events,
        System.nanoTime() - start, pipeline);
    }
  }

  /** The relay alone: a full outbox drained to the broker's confirms, no consumer. */
  private void relayOnly(int batch) {
    try (EventPipeline pipeline = new EventPipeline(DATABASE, batch, 1000)) {
      pipeline.append(events, 10, 4);
      long start = System.nanoTime();
      pipeline.relay(true);
      while (pipeline.pending() > 0) {
        EventPipeline.pause(10);
      }
      record("relay only: outbox to broker confirm", batch, "NOTIFY", events, System.nanoTime() - start, null);
    }
  }

  /** The consumer alone: a full queue applied through the inbox, one transaction per event. */
  private void consumerOnly() {
    try (EventPipeline pipeline = new EventPipeline(DATABASE, 100, 1000)) {
      pipeline.append(events, 10, 4);
      pipeline.relay(true);
      while (pipeline.pending() > 0) {
        EventPipeline.pause(10);
      }
      long start = System.nanoTime();
      pipeline.consume();
      while (pipeline.applied() < events) {
        EventPipeline.pause(10);
      }
      record("consumer only: queue to inbox commit", 100, "-", events, System.nanoTime() - start, null);
    }
  }

  private void pacedLatency(boolean listen) {
    int total = PACED_RATE * PACED_SECONDS;
    try (EventPipeline pipeline = new EventPipeline(DATABASE, 100, 1000).consume().relay(listen)) {
      Vertx vertx = pipeline.platform.vertx();
      Promise<Void> appended = Promise.promise();
      long start = System.nanoTime();
      int[] sent = {0};
      vertx.setPeriodic(1000 / PACED_RATE, id -> {
        pipeline.appendOne();
        if (++sent[0] == total) {
          vertx.cancelTimer(id);
          appended.complete();
        }
      });
      appended.future().await();
      while (pipeline.applied() < total) {
        EventPipeline.pause(10);
      }
      record("append to consumer commit, paced " + PACED_RATE + "/s", 100, listen ? "NOTIFY" : "poll 1 s", total,
        System.nanoTime() - start, pipeline);
    }
  }

  private void record(String scenario, int batch, String wake, int count, long nanos, EventPipeline pipeline) {
    double seconds = nanos / 1e9;
    JsonObject row = new JsonObject().put("scenario", scenario).put("batch", batch).put("wake", wake)
      .put("events", count).put("seconds", seconds).put("perSecond", Math.round(count / seconds));
    if (pipeline != null) {
      row.put("lagP50Ms", Math.round(pipeline.lagPercentile(0.5) * 10) / 10.0)
        .put("lagP99Ms", Math.round(pipeline.lagPercentile(0.99) * 10) / 10.0);
    }
    rows.add(row);
    System.out.println("[events-bench] " + row.encode());
  }

  private void write(Path out, String args) throws IOException {
    Files.createDirectories(out);
    Files.writeString(out.resolve("command.txt"), "java -cp verticles/app/target/bazaar.jar:benchmarks/target/"
      + "benchmarks.jar com.bazaar.bench.events.EventsBench " + args + "\n");
    Files.writeString(out.resolve("results.json"), new JsonArray(new ArrayList<>(rows)).encodePrettily() + "\n");
    StringBuilder report = new StringBuilder("# Events: outbox → relay → RabbitMQ → inbox consumer\n\n")
      .append(events).append(" events of about 330 bytes per throughput row; ").append(PACED_RATE * PACED_SECONDS)
      .append(" for the paced rows. Lag is from the event's occurredAt (its append) to the consumer's commit, ")
      .append("percentiles from the consumer's timer.\n\n")
      .append("| scenario | relay batch | wake | events/s | lag p50 ms | lag p99 ms |\n|---|---:|---|---:|---:|---:|\n");
    for (JsonObject row : rows) {
      report.append("| ").append(row.getString("scenario")).append(" | ").append(row.getInteger("batch"))
        .append(" | ").append(row.getString("wake")).append(" | ").append(String.format("%,d", row.getLong("perSecond")))
        .append(" | ").append(row.containsKey("lagP50Ms") ? row.getDouble("lagP50Ms") : "-")
        .append(" | ").append(row.containsKey("lagP99Ms") ? row.getDouble("lagP99Ms") : "-").append(" |\n");
    }
    Files.writeString(out.resolve("report.md"), report.toString());
  }

  private static void prepareDatabase() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("BAZAAR_PG_DATABASE", DATABASE);
    env.put("BAZAAR_PG_LOG_QUERIES", "false");
    JsonObject config = ConfigLoader.load(null, env);
    PrometheusMeterRegistry registry = MetricsSetup.newRegistry();
    Vertx vertx = VertxSetup.local(config, registry);
    Platform platform = new Platform(vertx, config, registry);
    DatabaseBootstrap.ensureDatabase(vertx, platform.pgSettings())
      .compose(v -> platform.migrate("events"))
      .compose(v -> platform.migrate(EventPipeline.SCHEMA))
      .compose(v -> platform.db(EventPipeline.SCHEMA).write().query("TRUNCATE outbox, inbox, applied").execute())
      .await();
    platform.close().await();
    vertx.close().await();
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    return options;
  }
}
