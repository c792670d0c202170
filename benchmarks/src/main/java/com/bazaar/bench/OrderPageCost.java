package com.bazaar.bench;

import io.vertx.core.json.JsonObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The work PostgreSQL does for one page of the order lists, in buffers touched (EXPLAIN ANALYZE, BUFFERS), at 10,000
 * and at 1,000,000 orders: a customer's orders (all, and one status), a reseller's attributed orders, and an order's
 * history, each on its first page and on a page in the middle reached by keyset. The statements are the order
 * service's own ({@code OrderRepository}, read by reflection). Flat buffers across sizes and depths mean the
 * page's cost does not grow with the table.
 *
 * <p>Usage: {@code OrderPageCost}, with {@code BAZAAR_PG_*} naming a database the order service has migrated. It
 * replaces the orders there. Prints one {@code ORDER_PAGE_COST {json}} line per size.
 */
public final class OrderPageCost {
  private static final int USERS = 1_000;
  private static final int SELLERS = 100;
  private static final int PAGE = 20;
  private static final int HISTORY_ROWS = 1_000;
  private static final OffsetDateTime FIRST_TIME = OffsetDateTime.parse("9999-12-31T00:00:00Z");
  private static final UUID FIRST_ID = new UUID(-1L, -1L);
  /** Order i has status i % 5 and belongs to user 1 + i % 1000, so user u's orders all have status (u - 1) % 5. */
  private static final String[] STATUSES = {"PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"};

  private OrderPageCost() {
  }

  public static void main(String[] args) throws SQLException {
    try (Connection db = BenchDatabase.connect(BenchDatabase.url() + "?currentSchema=order")) {
      for (int size : new int[] {10_000, 1_000_000}) {
        long seeded = seed(db, size);
        JsonObject costs = new JsonObject().put("orders", size).put("seed_ms", seeded);
        for (int sample = 1; sample <= 3; sample++) {
          UUID user = uuid("pc-user:" + sample);
          UUID seller = uuid("pc-seller:" + sample);
          add(costs, "user_first", buffers(db, "USER_PAGE", user, FIRST_TIME, FIRST_ID, PAGE + 1));
          add(costs, "user_middle", middle(db, "USER_PAGE", "user_id", user, null));
          String status = STATUSES[(sample - 1) % STATUSES.length];
          add(costs, "user_status_first", buffers(db, "USER_STATUS_PAGE", user, FIRST_TIME, FIRST_ID, PAGE + 1,
            status));
          add(costs, "user_status_middle", middle(db, "USER_STATUS_PAGE", "user_id", user, status));
          add(costs, "seller_first", buffers(db, "SELLER_PAGE", seller, FIRST_TIME, FIRST_ID, PAGE + 1));
          add(costs, "seller_middle", middle(db, "SELLER_PAGE", "seller_id", seller, null));
        }
        UUID busy = uuid("pc-order:1");
        add(costs, "history_first", buffers(db, "HISTORY_PAGE", busy, 0L, PAGE + 1));
        add(costs, "history_middle", buffers(db, "HISTORY_PAGE", busy, middleSeq(db, busy), PAGE + 1));
        System.out.println("ORDER_PAGE_COST " + costs.encode());
      }
    }
  }

  /** Replaces every order with {@code size} synthetic ones; returns the milliseconds it took. */
  private static long seed(Connection db, int size) throws SQLException {
    long started = System.nanoTime();
    try (Statement sql = db.createStatement()) {
      sql.execute("SET session_replication_role = replica");
      sql.execute("TRUNCATE order_status_history, order_lines, orders");
      sql.execute("INSERT INTO orders (id, number, user_id, idempotency_key, request_hash, status, seller_id, "
        + "share_link_id, currency, total_amount, commission_amount, shipping_address, created_at, updated_at) "
        + "SELECT md5('pc-order:' || i)::uuid, 'PC-' || i, md5('pc-user:' || (1 + i % " + USERS + "))::uuid, "
        + "'k' || i, 'h', (ARRAY['PENDING','PAID','SHIPPED','DELIVERED','CANCELLED'])[1 + i % 5], "
        + "CASE WHEN i % 3 = 0 THEN md5('pc-seller:' || (1 + i / 3 % " + SELLERS + "))::uuid END, "
        + "CASE WHEN i % 3 = 0 THEN md5('pc-link:' || i)::uuid END, 'INR', 10000 + i % 90000, 0, '{}'::jsonb, "
        + "now() - i * interval '1 second', now() - i * interval '1 second' FROM generate_series(1, " + size + ") i");
      sql.execute("INSERT INTO order_status_history (order_id, from_status, to_status, actor) "
        + "SELECT id, NULL, 'PENDING', 'seed' FROM orders");
      sql.execute("INSERT INTO order_status_history (order_id, from_status, to_status, actor, notes) "
        + "SELECT md5('pc-order:1')::uuid, 'PENDING', 'PENDING', 'seed', 'n' || n FROM generate_series(1, "
        + HISTORY_ROWS + ") n");
      sql.execute("SET session_replication_role = DEFAULT");
      sql.execute("VACUUM ANALYZE orders");
      sql.execute("VACUUM ANALYZE order_status_history");
    }
    return (System.nanoTime() - started) / 1_000_000;
  }

  /** The buffers of the page in the middle of the owner's orders, its keyset taken from the row before it. */
  private static long middle(Connection db, String statement, String column, UUID owner, String status)
    throws SQLException {
    String filter = status == null ? "" : " AND status = '" + status + "'";
    try (PreparedStatement ps = db.prepareStatement("SELECT created_at, id FROM orders WHERE " + column + " = ?"
      + filter + " ORDER BY created_at DESC, id DESC OFFSET (SELECT count(*) / 2 FROM orders WHERE " + column
      + " = ?" + filter + ") LIMIT 1")) {
      ps.setObject(1, owner);
      ps.setObject(2, owner);
      try (ResultSet row = ps.executeQuery()) {
        row.next();
        OffsetDateTime time = row.getObject(1, OffsetDateTime.class);
        UUID id = row.getObject(2, UUID.class);
        return status == null ? buffers(db, statement, owner, time, id, PAGE + 1)
          : buffers(db, statement, owner, time, id, PAGE + 1, status);
      }
    }
  }

  private static long middleSeq(Connection db, UUID order) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("SELECT seq FROM order_status_history WHERE order_id = ? "
      + "ORDER BY seq OFFSET " + HISTORY_ROWS / 2 + " LIMIT 1")) {
      ps.setObject(1, order);
      try (ResultSet row = ps.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static long buffers(Connection db, String statement, Object... params) throws SQLException {
    return PlanBuffers.of(db, OrderPgbench.sql("com.bazaar.order.OrderRepository", statement), params);
  }

  private static void add(JsonObject costs, String key, long buffers) {
    costs.put(key, Math.max(costs.getLong(key, 0L), buffers));
  }

  private static UUID uuid(String seed) {
    try {
      byte[] md5 = java.security.MessageDigest.getInstance("MD5").digest(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      long hi = 0;
      long lo = 0;
      for (int i = 0; i < 8; i++) {
        hi = hi << 8 | (md5[i] & 0xff);
        lo = lo << 8 | (md5[i + 8] & 0xff);
      }
      return new UUID(hi, lo);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
