package com.bazaar.platform.events;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;

/**
 * The events a consumer has handled, in its service schema. Claiming an event inserts its row in the handler's
 * transaction; a second delivery, even a concurrent one, finds the row (or waits for the first to commit) and is
 * skipped.
 */
final class Inbox {
  private static final String CLAIM = "INSERT INTO inbox (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";
  private static final String FORGET = "DELETE FROM inbox WHERE consumer = $1 AND handled_at < now() - make_interval(hours => $2)";

  private Inbox() {
  }

  /** Whether this is the first time {@code consumer} handles the event. */
  static Future<Boolean> claim(SqlConnection tx, String consumer, UUID eventId) {
    return tx.preparedQuery(CLAIM).execute(Tuple.of(consumer, eventId)).map(rows -> rows.rowCount() == 1);
  }

  /** Drops rows older than the retention, long after any redelivery could arrive. */
  static Future<Integer> forget(io.vertx.sqlclient.Pool pool, String consumer, int retentionHours) {
    return pool.preparedQuery(FORGET).execute(Tuple.of(consumer, retentionHours)).map(rows -> rows.rowCount());
  }
}
