package com.bazaar.platform.events;

import com.bazaar.platform.amqp.ConfirmedPublisher;
import com.bazaar.platform.amqp.OutgoingMessage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Publishes one service's outbox. It claims pending rows with {@code FOR UPDATE SKIP LOCKED}, so relays in other
 * processes take other rows; publishes them with confirms; and marks them in the same transaction, only once the
 * broker confirmed. A crash between the confirm and the commit leaves the rows pending, to be published again: at
 * least once on the wire, absorbed by the consumers' inboxes.
 *
 * <p>It drains when NOTIFY says rows were committed, and on a slow poll in case a notification was missed. All its
 * state lives on the context that started it.
 */
public final class OutboxRelay {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  private static final String CLAIM = "SELECT seq, event_id, type, body FROM outbox WHERE published_at IS NULL "
    + "ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED";
  private static final String MARK = "UPDATE outbox SET published_at = now() WHERE seq = ANY($1)";
  private static final String DEPTH = "SELECT count(*) AS depth, min(created_at) AS oldest FROM outbox "
    + "WHERE published_at IS NULL";
  private static final String DELETE_PUBLISHED = "DELETE FROM outbox WHERE seq IN (SELECT seq FROM outbox "
    + "WHERE published_at < now() - make_interval(hours => $1) LIMIT 10000)";

  private final Vertx vertx;
  private final String schema;
  private final Pool pool;
  private final ConfirmedPublisher publisher;
  private final EventSettings settings;
  private final OutboxWakeups wakeups;
  private boolean draining;
  private boolean wakeAgain;
  private boolean stopped;
  private Context context;
  private long pollTimer = -1;
  private long cleanupTimer = -1;
  private volatile long depth;
  private volatile double oldestSeconds;

  public OutboxRelay(Vertx vertx, String schema, Pool pool, PgConnectOptions listenOptions,
                     ConfirmedPublisher publisher, EventSettings settings, MeterRegistry registry) {
    this.vertx = vertx;
    this.schema = schema;
    this.pool = pool;
    this.publisher = publisher;
    this.settings = settings;
    this.wakeups = new OutboxWakeups(vertx, listenOptions, "outbox_" + schema, settings.relay().pollIntervalMs(),
      this::wake);
    Gauge.builder("bazaar.events.outbox.depth", this, r -> r.depth).tag("service", schema)
      .description("Outbox rows not yet confirmed by the broker").strongReference(true).register(registry);
    Gauge.builder("bazaar.events.outbox.oldest", this, r -> r.oldestSeconds).tag("service", schema)
      .baseUnit("seconds").description("Age of the oldest pending outbox row").strongReference(true).register(registry);
  }

  /**
   * Starts on the caller's context (or a new one), which then owns the relay. With {@code listen} false it only
   * polls, as the benchmark's baseline.
   */
  public Future<Void> start(boolean listen) {
    context = vertx.getOrCreateContext();
    Promise<Void> started = Promise.promise();
    context.runOnContext(v -> {
      pollTimer = vertx.setPeriodic(settings.relay().pollIntervalMs(), id -> {
        wake();
        refreshDepth();
      });
      cleanupTimer = vertx.setPeriodic(settings.relay().cleanupIntervalMs(), id -> deletePublished());
      Future<Void> listening = listen ? wakeups.start() : Future.succeededFuture();
      listening.onComplete(ignored -> {
        wake();
        started.complete();
      });
    });
    return started.future();
  }

  public Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(pollTimer);
    vertx.cancelTimer(cleanupTimer);
    return wakeups.stop();
  }

  /** Drains now, or right after the drain in progress. */
  public void wake() {
    if (context == null) {
      return;
    }
    if (Vertx.currentContext() != context) {
      context.runOnContext(v -> wake());
      return;
    }
    if (stopped) {
      return;
    }
    if (draining) {
      wakeAgain = true;
      return;
    }
    draining = true;
    wakeAgain = false;
    drain();
  }

  private void drain() {
    relayBatch().onComplete(ar -> {
      if (ar.failed()) {
        LOG.debug("Outbox {}: batch not published, rows stay pending ({})", schema, ar.cause().toString());
      }
      boolean full = ar.succeeded() && ar.result() == settings.relay().batchSize();
      boolean again = ar.succeeded() && wakeAgain;
      wakeAgain = false;
      if (!stopped && (full || again)) {
        drain();
      } else {
        draining = false;
      }
    });
  }

  private Future<Integer> relayBatch() {
    if (!publisher.isConnected()) {
      return Future.succeededFuture(0);
    }
    return pool.withTransaction(tx -> tx.preparedQuery(CLAIM).execute(Tuple.of(settings.relay().batchSize()))
      .compose(rows -> {
        if (rows.size() == 0) {
          return Future.succeededFuture(0);
        }
        List<OutgoingMessage> messages = new ArrayList<>(rows.size());
        Long[] claimed = new Long[rows.size()];
        int i = 0;
        for (Row row : rows) {
          claimed[i++] = row.getLong("seq");
          String type = row.getString("type");
          messages.add(new OutgoingMessage(settings.exchange(), type, row.getUUID("event_id").toString(), type,
            Map.of(), Buffer.buffer(row.getString("body"))));
        }
        return publisher.publish(messages)
          .compose(v -> tx.preparedQuery(MARK).execute(Tuple.of((Object) claimed)))
          .map(marked -> claimed.length);
      }));
  }

  private void refreshDepth() {
    pool.query(DEPTH).execute().onSuccess((RowSet<Row> rows) -> {
      Row row = rows.iterator().next();
      depth = row.getLong("depth");
      OffsetDateTime oldest = row.getOffsetDateTime("oldest");
      oldestSeconds = oldest == null ? 0 : Math.max(0, (System.currentTimeMillis()
        - oldest.toInstant().toEpochMilli()) / 1000.0);
    });
  }

  private void deletePublished() {
    pool.preparedQuery(DELETE_PUBLISHED).execute(Tuple.of(settings.relay().retentionHours()))
      .onFailure(e -> LOG.debug("Outbox {}: published rows not deleted ({})", schema, e.toString()));
  }
}
