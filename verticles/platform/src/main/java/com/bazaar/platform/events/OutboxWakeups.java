package com.bazaar.platform.events;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;

/**
 * LISTEN on an outbox's channel over a connection of its own (a pooled one would lose the subscription). When the
 * connection drops, as on a PostgreSQL restart, it listens again after the retry interval and wakes the relay once,
 * since notifications sent meanwhile were lost.
 */
final class OutboxWakeups {
  private final Vertx vertx;
  private final PgConnectOptions options;
  private final String channel;
  private final long retryMs;
  private final Runnable wake;
  private PgConnection connection;
  private boolean stopped;

  OutboxWakeups(Vertx vertx, PgConnectOptions options, String channel, long retryMs, Runnable wake) {
    this.vertx = vertx;
    this.options = options;
    this.channel = channel;
    this.retryMs = retryMs;
    this.wake = wake;
  }

  /** Never fails: until LISTEN works, the relay's poll does the waking. */
  Future<Void> start() {
    return PgConnection.connect(vertx, options)
      .compose(conn -> {
        connection = conn;
        conn.notificationHandler(notification -> wake.run());
        conn.closeHandler(v -> {
          connection = null;
          retryLater();
        });
        return conn.query("LISTEN \"" + channel + "\"").execute().mapEmpty();
      })
      .<Void>mapEmpty()
      .recover(e -> {
        PgConnection half = connection;
        if (half != null) {
          half.close();
        } else {
          retryLater();
        }
        return Future.succeededFuture();
      });
  }

  Future<Void> stop() {
    stopped = true;
    PgConnection open = connection;
    return open == null ? Future.succeededFuture() : open.close();
  }

  private void retryLater() {
    if (!stopped) {
      vertx.setTimer(retryMs, id -> start().onComplete(v -> wake.run()));
    }
  }
}
