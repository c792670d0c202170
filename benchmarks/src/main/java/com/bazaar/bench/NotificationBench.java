package com.bazaar.bench;

import com.bazaar.platform.amqp.OutgoingMessage;
import com.bazaar.platform.events.EventEnvelope;
import com.bazaar.platform.events.EventType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * The notification service against the running server (bench profile), its events published to the broker with
 * confirms as the relay does:
 * <ol>
 *   <li>{@code NOTIFICATION_BURST}: {@code N} events at once, half order changes for customers and half commissions
 *   for resellers without a webhook; notifications written per second, from the first publish to the last row.</li>
 *   <li>{@code WEBHOOKS warm_up}, then {@code WEBHOOKS healthy}: {@code M} commissions for 20 resellers whose webhooks point at a fast local receiver
 *   (200 at once); deliveries per second, and each delivery's latency from its queueing to its delivery.</li>
 *   <li>{@code WEBHOOKS with_dead}: the same, with one more reseller, on a host that never answers, getting a fifth
 *   as many events interleaved; the healthy deliveries' figures again, to set beside the first.</li>
 *   <li>{@code WEBHOOKS healthy_again}: the first run once more, so a warmer JVM does not pass for no added delay.</li>
 *   <li>{@code WEBHOOKS sender_only}: {@code M} deliveries written straight into the table, due at once: the
 *   sender's own pace, without the consumer before it; then {@code sender_only_with_dead}, the same with a fifth as
 *   many again queued first for the host that never answers.</li>
 * </ol>
 * Usage: {@code NotificationBench N M}, with {@code BAZAAR_PG_*} naming the server's database.
 */
public final class NotificationBench {
  private static final String NOTIFICATIONS = "SELECT count(*) FROM notification.notifications";
  private static final long DEADLINE_NS = 300_000_000_000L;

  private NotificationBench() {
  }

  public static void main(String[] args) throws Exception {
    int burst = Integer.parseInt(args[0]);
    int hooks = Integer.parseInt(args[1]);
    String exchange = new JsonObject(Files.readString(Path.of("conf/bazaar.json"))).getJsonObject("events")
      .getString("exchange");
    Vertx vertx = Vertx.vertx();
    HttpServer fast = vertx.createHttpServer().requestHandler(r -> r.body().onComplete(b -> r.response().end()))
      .listen(0, "127.0.0.1").await();
    HttpServer dead = vertx.createHttpServer().requestHandler(r -> { }).listen(0, "127.0.0.2").await();
    try (Connection db = BenchDatabase.connect(BenchDatabase.url())) {
      burst(db, exchange, burst);
      List<String> warm = endpoints(db, 20, "http://127.0.0.1:" + fast.actualPort() + "/hooks");
      webhooks(db, exchange, "warm_up", warm, hooks, i -> warm.get(i % warm.size()));
      List<String> healthy = endpoints(db, 20, "http://127.0.0.1:" + fast.actualPort() + "/hooks");
      webhooks(db, exchange, "healthy", healthy, hooks, i -> healthy.get(i % healthy.size()));
      List<String> deadOne = endpoints(db, 1, "http://127.0.0.2:" + dead.actualPort() + "/hooks");
      List<String> others = endpoints(db, 20, "http://127.0.0.1:" + fast.actualPort() + "/hooks");
      int total = hooks + hooks / 5;
      webhooks(db, exchange, "with_dead", others, total, i -> i % 6 == 5 ? deadOne.get(0) : others.get(i % 20));
      List<String> again = endpoints(db, 20, "http://127.0.0.1:" + fast.actualPort() + "/hooks");
      webhooks(db, exchange, "healthy_again", again, hooks, i -> again.get(i % again.size()));
      List<String> queued = endpoints(db, 20, "http://127.0.0.1:" + fast.actualPort() + "/hooks");
      senderOnly(db, "sender_only", queued, hooks, null);
      List<String> queuedBeside = endpoints(db, 20, "http://127.0.0.1:" + fast.actualPort() + "/hooks");
      senderOnly(db, "sender_only_with_dead", queuedBeside, hooks, deadOne.get(0));
    } finally {
      vertx.close().await();
    }
  }

  private static void burst(Connection db, String exchange, int events) throws Exception {
    long before = count(db, NOTIFICATIONS);
    long started = System.nanoTime();
    publish(exchange, events, i -> i % 2 == 0 ? orderShipped() : commission(UUID.randomUUID().toString()));
    long written = await(db, NOTIFICATIONS, before + events, started) - before;
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.println("NOTIFICATION_BURST " + new JsonObject().put("events", events).put("notifications", written)
      .put("seconds", round(seconds)).put("per_second", Math.round(written / seconds)).encode());
  }

  /** Publishes {@code events} commissions, the {@code i}th for {@code resellerOf(i)}; figures for {@code healthy}. */
  private static void webhooks(Connection db, String exchange, String name, List<String> healthy, int events,
                               IntFunction<String> resellerOf) throws Exception {
    String inList = "('" + String.join("','", healthy) + "')";
    String delivered = "SELECT count(*) FROM notification.webhook_deliveries WHERE status = 'DELIVERED' "
      + "AND reseller_id IN " + inList;
    int expected = 0;
    for (int i = 0; i < events; i++) {
      expected += healthy.contains(resellerOf.apply(i)) ? 1 : 0;
    }
    long started = System.nanoTime();
    publish(exchange, events, i -> commission(resellerOf.apply(i)));
    long done = await(db, delivered, expected, started);
    double seconds = (System.nanoTime() - started) / 1e9;
    JsonObject latency = latency(db, inList);
    System.out.println("WEBHOOKS " + new JsonObject().put("run", name).put("events", events)
      .put("healthy_deliveries", done).put("seconds", round(seconds)).put("per_second", Math.round(done / seconds))
      .put("latency_ms", latency).encode());
  }

  /**
   * Deliveries queued straight into the table, all due at once: the sender's own pace, without the consumer; with
   * {@code dead} set, a fifth as many again for it, queued first.
   */
  private static void senderOnly(Connection db, String name, List<String> resellers, int deliveries, String dead)
    throws Exception {
    String inList = "('" + String.join("','", resellers) + "')";
    String payload = "'{\"type\":\"wallet.commission.pending\",\"data\":{\"amount\":1000}}'";
    try (Statement statement = db.createStatement()) {
      if (dead != null) {
        statement.execute("INSERT INTO notification.webhook_deliveries (id, reseller_id, host, event_type, payload) "
          + "SELECT gen_random_uuid(), '" + dead + "', '127.0.0.2', 'wallet.commission.pending', " + payload
          + " FROM generate_series(1, " + deliveries / 5 + ")");
      }
      statement.execute("INSERT INTO notification.webhook_deliveries (id, reseller_id, host, event_type, payload) "
        + "SELECT gen_random_uuid(), (ARRAY['" + String.join("','", resellers) + "']::uuid[])[1 + i % "
        + resellers.size() + "], '127.0.0.1', 'wallet.commission.pending', " + payload
        + " FROM generate_series(1, " + deliveries + ") i");
    }
    long started = System.nanoTime();
    long done = await(db, "SELECT count(*) FROM notification.webhook_deliveries WHERE status = 'DELIVERED' "
      + "AND reseller_id IN " + inList, deliveries, started);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.println("WEBHOOKS " + new JsonObject().put("run", name).put("events", 0)
      .put("healthy_deliveries", done).put("seconds", round(seconds)).put("per_second", Math.round(done / seconds))
      .put("latency_ms", latency(db, inList)).encode());
  }

  private static JsonObject latency(Connection db, String inList) throws SQLException {
    String sql = "SELECT percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM "
      + "delivered_at - created_at) * 1000) FROM notification.webhook_deliveries WHERE status = 'DELIVERED' "
      + "AND reseller_id IN " + inList;
    try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
      row.next();
      Double[] p = (Double[]) row.getArray(1).getArray();
      return new JsonObject().put("p50", round(p[0])).put("p99", round(p[1]));
    }
  }

  private static List<String> endpoints(Connection db, int n, String url) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Statement statement = db.createStatement()) {
      for (int i = 0; i < n; i++) {
        String id = UUID.randomUUID().toString();
        statement.execute("INSERT INTO notification.webhook_endpoints (reseller_id, url, host, events, secret) "
          + "VALUES ('" + id + "', '" + url + "', '" + url.replaceAll("^http://([^:/]+).*$", "$1")
          + "', '{wallet.commission.pending}', 'whsec_YmVuY2htYXJrLXNlY3JldC1iZW5jaG1hcmstc2VjcmV0')");
        ids.add(id);
      }
    }
    return ids;
  }

  private static EventEnvelope orderShipped() {
    return EventEnvelope.of(EventType.of("order.shipped"), new JsonObject()
      .put("orderId", UUID.randomUUID().toString()).put("orderNumber", "BZ-BENCH").put("userId",
        UUID.randomUUID().toString()).put("totalAmount", 10_000).put("commissionAmount", 0).put("currency", "INR")
      .put("cashOnDelivery", false).put("fromStatus", "PAID").put("status", "SHIPPED").put("actor", "bench"));
  }

  private static EventEnvelope commission(String resellerId) {
    return EventEnvelope.of(EventType.of("wallet.commission.pending"), new JsonObject().put("resellerId", resellerId)
      .put("orderId", UUID.randomUUID().toString()).put("transferId", UUID.randomUUID().toString())
      .put("amount", 1_000).put("currency", "INR"));
  }

  private static void publish(String exchange, int events, IntFunction<EventEnvelope> eventOf) throws Exception {
    ConnectionFactory factory = BenchBroker.factory();
    try (com.rabbitmq.client.Connection amqp = factory.newConnection(); Channel channel = amqp.createChannel()) {
      channel.confirmSelect();
      for (int i = 0; i < events; i++) {
        EventEnvelope event = eventOf.apply(i);
        OutgoingMessage message = new OutgoingMessage(exchange, event.type(), event.id().toString(), event.type(),
          Map.of(), event.encode());
        channel.basicPublish(exchange, event.type(), message.properties(), message.body().getBytes());
      }
      channel.waitForConfirmsOrDie(60_000);
    }
  }

  /** Waits until {@code sql} counts {@code target}, or the deadline; answers the last count. */
  private static long await(Connection db, String sql, long target, long started) throws Exception {
    long now;
    do {
      Thread.sleep(20);
      now = count(db, sql);
    } while (now < target && System.nanoTime() - started < DEADLINE_NS);
    return now;
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
