package com.bazaar.notification.webhook;

import com.bazaar.platform.db.ServiceDb;
import com.bazaar.platform.json.IsoTime;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.UUID;

/** The resellers' webhook endpoints' SQL: one per reseller, replaced whole, its secret never read back out. */
final class WebhookEndpoints {
  private static final String PUT = "INSERT INTO webhook_endpoints (reseller_id, url, host, events, secret) "
    + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (reseller_id) DO UPDATE SET url = EXCLUDED.url, host = EXCLUDED.host, "
    + "events = EXCLUDED.events, secret = EXCLUDED.secret, updated_at = now() "
    + "RETURNING url, events, created_at, updated_at, xmax = 0 AS created";
  private static final String MOVE_PENDING = "UPDATE webhook_deliveries SET host = $2 WHERE reseller_id = $1 "
    + "AND status = 'PENDING' AND host <> $2";
  private static final String GET = "SELECT url, events, created_at, updated_at FROM webhook_endpoints "
    + "WHERE reseller_id = $1";
  private static final String DELETE = "DELETE FROM webhook_endpoints WHERE reseller_id = $1";
  private static final String FAIL_PENDING = "UPDATE webhook_deliveries SET status = 'FAILED', "
    + "last_error = 'the webhook was removed' WHERE reseller_id = $1 AND status = 'PENDING'";

  /** An endpoint as its owner sees it; {@code created} tells a new one from a replaced one. */
  record Endpoint(JsonObject json, boolean created) {
  }

  private final ServiceDb db;

  WebhookEndpoints(ServiceDb db) {
    this.db = db;
  }

  /** Sets the endpoint; its pending deliveries follow it to the new host. */
  Future<Endpoint> put(UUID resellerId, String url, String host, List<String> events, String secret) {
    return db.write().withTransaction(tx -> tx.preparedQuery(PUT).execute(Tuple.of(resellerId, url, host,
        events.toArray(String[]::new), secret))
      .compose(rows -> tx.preparedQuery(MOVE_PENDING).execute(Tuple.of(resellerId, host)).map(moved -> {
        Row row = rows.iterator().next();
        return new Endpoint(json(row), row.getBoolean("created"));
      })));
  }

  /** From the primary: the owner reads what they have just set. */
  Future<JsonObject> get(UUID resellerId) {
    return db.write().preparedQuery(GET).execute(Tuple.of(resellerId))
      .map(rows -> rows.size() == 0 ? null : json(rows.iterator().next()));
  }

  /** Removes the endpoint and fails its pending deliveries, which have nowhere to go; answers whether there was one. */
  Future<Boolean> delete(UUID resellerId) {
    return db.write().withTransaction(tx -> tx.preparedQuery(DELETE).execute(Tuple.of(resellerId))
      .compose(removed -> removed.rowCount() == 0 ? Future.succeededFuture(false)
        : tx.preparedQuery(FAIL_PENDING).execute(Tuple.of(resellerId)).map(rows -> true)));
  }

  private static JsonObject json(Row row) {
    return new JsonObject().put("url", row.getString("url"))
      .put("events", new JsonArray(List.of(row.getArrayOfStrings("events"))))
      .put("createdAt", IsoTime.format(row.getOffsetDateTime("created_at")))
      .put("updatedAt", IsoTime.format(row.getOffsetDateTime("updated_at")));
  }
}
