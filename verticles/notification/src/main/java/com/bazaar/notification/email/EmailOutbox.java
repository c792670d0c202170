package com.bazaar.notification.email;

import com.bazaar.platform.Ids;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The e-mails' SQL: queued in an event's transaction, claimed by the sender, marked sent, retried, or failed. */
public final class EmailOutbox {
  private static final String ENQUEUE = "INSERT INTO emails (id, user_id, template, data) VALUES ($1, $2, $3, $4) "
    + "ON CONFLICT (id) DO NOTHING";
  private static final String CLAIM_DUE = "SELECT id, user_id, template, data, attempts FROM emails "
    + "WHERE status = 'PENDING' AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED";
  private static final String SENT = "UPDATE emails SET status = 'SENT', attempts = attempts + 1, sent_at = now(), "
    + "last_error = NULL WHERE id = $1";
  private static final String RETRY = "UPDATE emails SET attempts = attempts + 1, last_error = $2, "
    + "next_attempt_at = now() + make_interval(secs => $3), status = CASE WHEN attempts + 1 >= $4 THEN 'FAILED' "
    + "ELSE 'PENDING' END WHERE id = $1 RETURNING status";

  /** One e-mail waiting for its turn. */
  record Due(UUID id, UUID userId, String template, JsonObject data, int attempts) {
  }

  /** Queues {@code template} for {@code userId}, once per event. */
  public Future<Void> enqueue(SqlClient tx, UUID eventId, UUID userId, String template, JsonObject data) {
    UUID id = Ids.derived(eventId, userId, template);
    return tx.preparedQuery(ENQUEUE).execute(Tuple.of(id, userId, template, data)).mapEmpty();
  }

  Future<List<Due>> claimDue(SqlClient tx, int limit) {
    return tx.preparedQuery(CLAIM_DUE).execute(Tuple.of(limit)).map(rows -> {
      List<Due> due = new ArrayList<>(rows.size());
      for (Row row : rows) {
        due.add(new Due(row.getUUID("id"), row.getUUID("user_id"), row.getString("template"),
          (JsonObject) row.getValue("data"), row.getInteger("attempts")));
      }
      return due;
    });
  }

  Future<Void> sent(SqlClient tx, UUID id) {
    return tx.preparedQuery(SENT).execute(Tuple.of(id)).mapEmpty();
  }

  /** Records a failed attempt; answers whether the mail is now FAILED for good. */
  Future<Boolean> failedAttempt(SqlClient tx, UUID id, String error, long retryInMs, int maxAttempts) {
    return tx.preparedQuery(RETRY).execute(Tuple.of(id, error, retryInMs / 1000.0, maxAttempts))
      .map(rows -> "FAILED".equals(rows.iterator().next().getString("status")));
  }
}
