package com.bazaar.notification.webhook;

import com.bazaar.platform.Ids;
import com.bazaar.platform.db.ServiceDb;
import com.bazaar.platform.json.IsoTime;
import com.bazaar.platform.paging.TimeCursor;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The webhook deliveries' SQL: queued with their event, claimed by the senders, and each attempt logged. */
public final class WebhookDeliveries {
  private static final String ENQUEUE = "INSERT INTO webhook_deliveries (id, reseller_id, host, event_type, payload) "
    + "SELECT $1, reseller_id, host, $3, $4 FROM webhook_endpoints WHERE reseller_id = $2 AND $3 = ANY(events) "
    + "ON CONFLICT (id) DO NOTHING";
  /**
   * Due deliveries, at most {@code $2} in all: per host, as many as its free places in {@code $3}/{@code $4} (a host
   * missing there has {@code $5}), oldest first. The hosts with pending work are found with a skip scan of the due
   * index, one probe per host, so the cost follows the hosts and the claim, not the backlog: a dead host's thousands
   * of waiting deliveries cost one probe. Claiming pushes {@code next_attempt_at} a lease ahead, so other senders
   * pass them by; the UPDATE re-checks {@code next_attempt_at}, so two senders never claim one row.
   */
  private static final String CLAIM = "WITH RECURSIVE hosts AS ("
    + "(SELECT host FROM webhook_deliveries WHERE status = 'PENDING' ORDER BY host LIMIT 1) UNION ALL "
    + "SELECT (SELECT d.host FROM webhook_deliveries d WHERE d.status = 'PENDING' AND d.host > hosts.host "
    + "ORDER BY d.host LIMIT 1) FROM hosts WHERE hosts.host IS NOT NULL), "
    + "chosen AS (SELECT due.id FROM hosts LEFT JOIN unnest($3::text[], $4::int[]) AS lane(host, free) "
    + "ON lane.host = hosts.host CROSS JOIN LATERAL (SELECT d.id, d.next_attempt_at FROM webhook_deliveries d "
    + "WHERE d.host = hosts.host AND d.status = 'PENDING' AND d.next_attempt_at <= now() "
    + "ORDER BY d.next_attempt_at LIMIT coalesce(lane.free, $5)) due "
    + "WHERE hosts.host IS NOT NULL ORDER BY due.next_attempt_at LIMIT $2) "
    + "UPDATE webhook_deliveries d SET next_attempt_at = now() + make_interval(secs => $1) "
    + "FROM chosen, webhook_endpoints e WHERE d.id = chosen.id AND e.reseller_id = d.reseller_id "
    + "AND d.status = 'PENDING' AND d.next_attempt_at <= now() "
    + "RETURNING d.id, d.payload::text AS body, d.attempts, e.url, d.host, e.secret";
  private static final String RELEASE = "UPDATE webhook_deliveries SET next_attempt_at = now() WHERE id = ANY($1) "
    + "AND status = 'PENDING'";
  /** Many attempts in one statement: each is logged, and its delivery moved on. */
  private static final String RECORD = "WITH attempt AS (SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], "
    + "$4::timestamptz[], $5::int[], $6::int[], $7::text[], $8::bool[], $9::float8[]) AS a(delivery_id, attempt, url, "
    + "started_at, duration_ms, status_code, error, delivered, retry_secs)), "
    + "logged AS (INSERT INTO webhook_attempts (delivery_id, attempt, url, started_at, duration_ms, status_code, error) "
    + "SELECT delivery_id, attempt, url, started_at, duration_ms, status_code, error FROM attempt) "
    + "UPDATE webhook_deliveries d SET attempts = a.attempt, last_status_code = a.status_code, last_error = a.error, "
    + "status = CASE WHEN a.delivered THEN 'DELIVERED' WHEN a.attempt >= $10 THEN 'FAILED' ELSE 'PENDING' END, "
    + "next_attempt_at = CASE WHEN a.delivered THEN d.next_attempt_at "
    + "ELSE now() + make_interval(secs => a.retry_secs) END, "
    + "delivered_at = CASE WHEN a.delivered THEN now() END FROM attempt a WHERE d.id = a.delivery_id RETURNING d.status";
  private static final String COLUMNS = "id, event_type, status, attempts, next_attempt_at, last_status_code, "
    + "last_error, created_at, delivered_at";
  private static final String PAGE = "SELECT " + COLUMNS + " FROM webhook_deliveries WHERE reseller_id = $1 "
    + "AND (created_at, id) < ($2, $3) ORDER BY created_at DESC, id DESC LIMIT $4";
  private static final String STATUS_PAGE = "SELECT " + COLUMNS + " FROM webhook_deliveries WHERE reseller_id = $1 "
    + "AND status = $5 AND (created_at, id) < ($2, $3) ORDER BY created_at DESC, id DESC LIMIT $4";
  private static final String ATTEMPTS = "SELECT delivery_id, attempt, url, started_at, duration_ms, status_code, "
    + "error FROM webhook_attempts WHERE delivery_id = ANY($1) ORDER BY delivery_id, attempt";
  private static final String RETRY = "UPDATE webhook_deliveries d SET status = 'PENDING', next_attempt_at = now() "
    + "WHERE id = $1 AND reseller_id = $2 AND status = 'FAILED' "
    + "AND EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.reseller_id = d.reseller_id) RETURNING " + COLUMNS;
  private static final String STATE = "SELECT d.status, EXISTS (SELECT 1 FROM webhook_endpoints e "
    + "WHERE e.reseller_id = d.reseller_id) AS has_endpoint FROM webhook_deliveries d WHERE id = $1 AND reseller_id = $2";

  /** A claimed delivery, with where it goes and the secret it is signed with. */
  record Claimed(UUID id, String body, int attempts, String url, String host, String secret) {
  }

  /** One attempt's outcome; {@code statusCode} null when no answer came; {@code retryInMs} if it failed. */
  record Attempt(UUID deliveryId, int number, String url, OffsetDateTime startedAt, int durationMs, Integer statusCode,
                 String error, boolean delivered, long retryInMs) {
  }

  /** A delivery's state for its owner's retry: null when there is no such delivery of theirs. */
  record State(String status, boolean hasEndpoint) {
  }

  private final ServiceDb db;

  WebhookDeliveries(ServiceDb db) {
    this.db = db;
  }

  /** Queues the event for the reseller if their webhook takes its type; once per event and reseller. */
  public static Future<Void> enqueue(SqlClient tx, UUID eventId, UUID resellerId, String type, JsonObject payload) {
    UUID id = Ids.derived("webhook", eventId, resellerId);
    return tx.preparedQuery(ENQUEUE).execute(Tuple.of(id, resellerId, type, payload)).mapEmpty();
  }

  /** {@code free}: the places left on the hosts the sender knows; others get {@code perHost}. */
  Future<List<Claimed>> claim(Map<String, Integer> free, int perHost, int limit, long leaseMs) {
    List<String> hosts = new ArrayList<>(free.keySet());
    Integer[] places = hosts.stream().map(free::get).toArray(Integer[]::new);
    return db.write().preparedQuery(CLAIM).execute(Tuple.of(leaseMs / 1000.0, limit, hosts.toArray(String[]::new),
      places, perHost)).map(rows -> {
        List<Claimed> claimed = new ArrayList<>(rows.size());
        for (Row row : rows) {
          claimed.add(new Claimed(row.getUUID("id"), row.getString("body"), row.getInteger("attempts"),
            row.getString("url"), row.getString("host"), row.getString("secret")));
        }
        return claimed;
      });
  }

  /** Hands claimed deliveries back, unattempted, for a later round. */
  Future<Void> release(List<UUID> ids) {
    return db.write().preparedQuery(RELEASE).execute(Tuple.of((Object) ids.toArray(UUID[]::new))).mapEmpty();
  }

  /** Logs the attempts and moves their deliveries on; answers their new statuses. */
  Future<List<String>> record(List<Attempt> attempts, int maxAttempts) {
    int n = attempts.size();
    UUID[] ids = new UUID[n];
    Integer[] numbers = new Integer[n];
    String[] urls = new String[n];
    OffsetDateTime[] started = new OffsetDateTime[n];
    Integer[] durations = new Integer[n];
    Integer[] codes = new Integer[n];
    String[] errors = new String[n];
    Boolean[] delivered = new Boolean[n];
    Double[] retrySecs = new Double[n];
    for (int i = 0; i < n; i++) {
      Attempt a = attempts.get(i);
      ids[i] = a.deliveryId();
      numbers[i] = a.number();
      urls[i] = a.url();
      started[i] = a.startedAt();
      durations[i] = a.durationMs();
      codes[i] = a.statusCode();
      errors[i] = a.error();
      delivered[i] = a.delivered();
      retrySecs[i] = a.retryInMs() / 1000.0;
    }
    return db.write().preparedQuery(RECORD).execute(Tuple.tuple().addValue(ids).addValue(numbers).addValue(urls)
        .addValue(started).addValue(durations).addValue(codes).addValue(errors).addValue(delivered)
        .addValue(retrySecs).addValue(maxAttempts))
      .map(rows -> {
        List<String> statuses = new ArrayList<>(rows.size());
        rows.forEach(row -> statuses.add(row.getString("status")));
        return statuses;
      });
  }

  /** A page of the reseller's deliveries, newest first, each with its attempts (two statements in all). */
  Future<List<JsonObject>> page(UUID resellerId, String status, TimeCursor after, int fetch) {
    Tuple args = Tuple.of(resellerId, after.time(), after.id(), fetch);
    if (status != null) {
      args.addString(status);
    }
    return db.read().preparedQuery(status == null ? PAGE : STATUS_PAGE).execute(args).compose(rows -> {
      List<JsonObject> deliveries = new ArrayList<>(rows.size());
      rows.forEach(row -> deliveries.add(json(row)));
      if (deliveries.isEmpty()) {
        return Future.succeededFuture(deliveries);
      }
      UUID[] ids = deliveries.stream().map(d -> UUID.fromString(d.getString("id"))).toArray(UUID[]::new);
      return db.read().preparedQuery(ATTEMPTS).execute(Tuple.of((Object) ids)).map(attempts -> {
        Map<String, JsonArray> byDelivery = new HashMap<>();
        for (Row row : attempts) {
          byDelivery.computeIfAbsent(row.getUUID("delivery_id").toString(), k -> new JsonArray()).add(attempt(row));
        }
        deliveries.forEach(d -> d.put("attempts", byDelivery.getOrDefault(d.getString("id"), new JsonArray())));
        return deliveries;
      });
    });
  }

  /** Queues a FAILED delivery of the reseller's again; null when it is not one (see {@link #state}). */
  Future<JsonObject> retry(UUID resellerId, UUID id) {
    return db.write().preparedQuery(RETRY).execute(Tuple.of(id, resellerId))
      .map(rows -> rows.size() == 0 ? null : json(rows.iterator().next()));
  }

  Future<State> state(UUID resellerId, UUID id) {
    return db.write().preparedQuery(STATE).execute(Tuple.of(id, resellerId)).map(rows -> rows.size() == 0 ? null
      : new State(rows.iterator().next().getString("status"), rows.iterator().next().getBoolean("has_endpoint")));
  }

  private static JsonObject json(Row row) {
    String status = row.getString("status");
    return new JsonObject().put("id", row.getUUID("id").toString()).put("type", row.getString("event_type"))
      .put("status", status).put("attemptCount", row.getInteger("attempts"))
      .put("nextAttemptAt", "PENDING".equals(status) ? IsoTime.format(row.getOffsetDateTime("next_attempt_at")) : null)
      .put("lastStatusCode", row.getInteger("last_status_code")).put("lastError", row.getString("last_error"))
      .put("createdAt", IsoTime.format(row.getOffsetDateTime("created_at")))
      .put("deliveredAt", IsoTime.format(row.getOffsetDateTime("delivered_at")));
  }

  private static JsonObject attempt(Row row) {
    return new JsonObject().put("attempt", row.getInteger("attempt")).put("url", row.getString("url"))
      .put("startedAt", IsoTime.format(row.getOffsetDateTime("started_at")))
      .put("durationMs", row.getInteger("duration_ms")).put("statusCode", row.getInteger("status_code"))
      .put("error", row.getString("error"));
  }
}
