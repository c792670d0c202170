package com.bazaar.platform.events;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.List;

/**
 * Writes events into the caller's service schema ({@code outbox}, reached through the pool's search path), in the
 * caller's transaction: the change and its events commit together or not at all. The relay publishes them.
 */
public final class Outbox {
  private static final String APPEND = "INSERT INTO outbox (event_id, type, body) VALUES ($1, $2, $3)";

  private Outbox() {
  }

  public static Future<Void> append(SqlConnection tx, EventEnvelope event) {
    return tx.preparedQuery(APPEND).execute(row(event)).mapEmpty();
  }

  public static Future<Void> appendAll(SqlConnection tx, List<EventEnvelope> events) {
    if (events.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery(APPEND).executeBatch(events.stream().map(Outbox::row).toList()).mapEmpty();
  }

  private static Tuple row(EventEnvelope event) {
    return Tuple.of(event.id(), event.type(), event.encode().toString());
  }
}
