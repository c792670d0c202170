package com.bazaar.order;

import com.bazaar.platform.db.ServiceDb;
import com.bazaar.platform.paging.TimeCursor;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The orders' SQL, one prepared statement per query. An order, its lines and its first history row are one
 * statement (data-modifying CTEs), so placing an order costs two statements in its transaction: this and the
 * outbox row. Lists are keyset pages that start from a sentinel key, so every page is one index range scan.
 */
final class OrderRepository {
  /** The key before every real key of a newest-first list: the first page starts here. */
  static final OffsetDateTime FIRST_PAGE_TIME = TimeCursor.FIRST_PAGE.time();
  static final UUID FIRST_PAGE_ID = TimeCursor.FIRST_PAGE.id();

  static final String INSERT = "WITH o AS (INSERT INTO orders (id, user_id, idempotency_key, request_hash, status, "
    + "seller_id, share_link_id, share_link_code, currency, total_amount, commission_amount, shipping_address) "
    + "VALUES ($1, $2, $3, $4, 'PENDING', $5, $6, $7, $8, $9, $10, $11) RETURNING number, created_at), "
    + "l AS (INSERT INTO order_lines (order_id, line_no, variant_id, product_id, product_name, sku, quantity, "
    + "unit_price, line_total, commission_rate_bps, commission) SELECT $1, u.n - 1, u.v, u.p, u.name, u.sku, u.q, "
    + "u.price, u.total, u.rate, u.commission FROM unnest($12::uuid[], $13::uuid[], $14::text[], $15::text[], "
    + "$16::int[], $17::bigint[], $18::bigint[], $19::int[], $20::bigint[]) WITH ORDINALITY "
    + "AS u(v, p, name, sku, q, price, total, rate, commission, n)), "
    + "h AS (INSERT INTO order_status_history (order_id, from_status, to_status, actor) "
    + "VALUES ($1, NULL, 'PENDING', $21)) SELECT number, created_at FROM o";
  static final String BY_KEY = "SELECT " + Order.COLUMNS + " FROM orders WHERE user_id = $1 AND idempotency_key = $2";
  static final String BY_ID = "SELECT " + Order.COLUMNS + " FROM orders WHERE id = $1";
  private static final String LOCK = BY_ID + " FOR UPDATE";
  static final String ITEMS = "SELECT " + OrderItem.COLUMNS + " FROM order_lines WHERE order_id = $1 ORDER BY line_no";
  static final String RECENT_HISTORY = "SELECT * FROM (SELECT " + StatusChange.COLUMNS + " FROM order_status_history "
    + "WHERE order_id = $1 ORDER BY seq DESC LIMIT $2) recent ORDER BY seq";
  static final String HISTORY_PAGE = "SELECT " + StatusChange.COLUMNS + " FROM order_status_history "
    + "WHERE order_id = $1 AND seq > $2 ORDER BY seq LIMIT $3";
  static final String USER_PAGE = "SELECT " + Order.COLUMNS + " FROM orders WHERE user_id = $1 "
    + "AND (created_at, id) < ($2, $3) ORDER BY created_at DESC, id DESC LIMIT $4";
  static final String USER_STATUS_PAGE = "SELECT " + Order.COLUMNS + " FROM orders WHERE user_id = $1 AND status = $5 "
    + "AND (created_at, id) < ($2, $3) ORDER BY created_at DESC, id DESC LIMIT $4";
  static final String SELLER_PAGE = "SELECT " + Order.COLUMNS + " FROM orders WHERE seller_id = $1 "
    + "AND (created_at, id) < ($2, $3) ORDER BY created_at DESC, id DESC LIMIT $4";
  static final String SELLER_STATUS_PAGE = "SELECT " + Order.COLUMNS + " FROM orders WHERE seller_id = $1 "
    + "AND status = $5 AND (created_at, id) < ($2, $3) ORDER BY created_at DESC, id DESC LIMIT $4";
  private static final String MOVE = "WITH u AS (UPDATE orders SET status = $2, payment_id = coalesce($3, payment_id), "
    + "version = version + 1, updated_at = now() WHERE id = $1 RETURNING updated_at), "
    + "h AS (INSERT INTO order_status_history (order_id, from_status, to_status, actor, notes) "
    + "VALUES ($1, $4, $2, $5, $6)) SELECT updated_at FROM u";
  private static final String CASH_ON_DELIVERY = "WITH u AS (UPDATE orders SET cash_on_delivery = true, "
    + "payment_id = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING updated_at), "
    + "h AS (INSERT INTO order_status_history (order_id, from_status, to_status, actor, notes) "
    + "VALUES ($1, 'PENDING', 'PENDING', $3, $4)) SELECT updated_at FROM u";
  private static final String EXPIRED = "SELECT " + Order.COLUMNS + " FROM orders WHERE status = 'PENDING' "
    + "AND NOT cash_on_delivery AND created_at < now() - make_interval(mins => $1) ORDER BY created_at LIMIT $2 "
    + "FOR UPDATE SKIP LOCKED";
  private static final String EXISTING = "SELECT id FROM orders WHERE id = ANY($1)";

  private final ServiceDb db;

  OrderRepository(ServiceDb db) {
    this.db = db;
  }

  ServiceDb db() {
    return db;
  }

  /** Writes the order, its lines and its first status row; answers the number and creation time it was given. */
  Future<Row> insert(SqlClient tx, UUID id, UUID userId, String key, String hash, PricedOrder priced,
                     io.vertx.core.json.JsonObject shippingAddress, String actor) {
    int n = priced.items().size();
    UUID[] variants = new UUID[n];
    UUID[] products = new UUID[n];
    String[] names = new String[n];
    String[] skus = new String[n];
    Integer[] quantities = new Integer[n];
    Long[] prices = new Long[n];
    Long[] totals = new Long[n];
    Integer[] rates = new Integer[n];
    Long[] commissions = new Long[n];
    for (int i = 0; i < n; i++) {
      OrderItem item = priced.items().get(i);
      variants[i] = item.line().variantId();
      products[i] = item.line().productId();
      names[i] = item.productName();
      skus[i] = item.sku();
      quantities[i] = item.line().quantity();
      prices[i] = item.line().unitPrice();
      totals[i] = item.line().lineTotal();
      rates[i] = item.line().commissionRateBps();
      commissions[i] = item.line().commission();
    }
    Tuple tuple = Tuple.tuple().addValue(id).addValue(userId).addValue(key).addValue(hash).addValue(priced.sellerId())
      .addValue(priced.shareLinkId()).addValue(priced.shareLinkCode()).addValue(priced.currency())
      .addValue(priced.totalAmount()).addValue(priced.commissionAmount()).addValue(shippingAddress)
      .addValue(variants).addValue(products).addValue(names).addValue(skus).addValue(quantities).addValue(prices)
      .addValue(totals).addValue(rates).addValue(commissions).addValue(actor);
    return tx.preparedQuery(INSERT).execute(tuple).map(rows -> rows.iterator().next());
  }

  Future<Order> byKey(UUID userId, String key) {
    return db.write().preparedQuery(BY_KEY).execute(Tuple.of(userId, key)).map(OrderRepository::first);
  }

  /** From the primary: an order just placed must be readable at once by whoever placed it. */
  Future<Order> byId(UUID id) {
    return db.write().preparedQuery(BY_ID).execute(Tuple.of(id)).map(OrderRepository::first);
  }

  Future<Order> lock(SqlClient tx, UUID id) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(id)).map(OrderRepository::first);
  }

  Future<List<OrderItem>> items(UUID orderId) {
    return db.write().preparedQuery(ITEMS).execute(Tuple.of(orderId)).map(rows -> all(rows, OrderItem::from));
  }

  Future<List<StatusChange>> recentHistory(UUID orderId, int count) {
    return db.write().preparedQuery(RECENT_HISTORY).execute(Tuple.of(orderId, count))
      .map(rows -> all(rows, StatusChange::from));
  }

  Future<List<StatusChange>> history(UUID orderId, long afterSeq, int fetch) {
    return db.read().preparedQuery(HISTORY_PAGE).execute(Tuple.of(orderId, afterSeq, fetch))
      .map(rows -> all(rows, StatusChange::from));
  }

  Future<List<Order>> byUser(UUID userId, OrderStatus status, OffsetDateTime before, UUID beforeId, int fetch) {
    return page(status == null ? USER_PAGE : USER_STATUS_PAGE, userId, status, before, beforeId, fetch);
  }

  Future<List<Order>> bySeller(UUID sellerId, OrderStatus status, OffsetDateTime before, UUID beforeId, int fetch) {
    return page(status == null ? SELLER_PAGE : SELLER_STATUS_PAGE, sellerId, status, before, beforeId, fetch);
  }

  private Future<List<Order>> page(String sql, UUID owner, OrderStatus status, OffsetDateTime before, UUID beforeId,
                                   int fetch) {
    Tuple tuple = Tuple.of(owner, before == null ? FIRST_PAGE_TIME : before, before == null ? FIRST_PAGE_ID : beforeId,
      fetch);
    if (status != null) {
      tuple.addValue(status.name());
    }
    return db.read().preparedQuery(sql).execute(tuple).map(rows -> all(rows, Order::from));
  }

  /** Moves the order and appends its history row; answers the new {@code updated_at}. */
  Future<OffsetDateTime> move(SqlClient tx, Order order, OrderStatus to, UUID paymentId, String actor, String notes) {
    return tx.preparedQuery(MOVE).execute(Tuple.of(order.id(), to.name(), paymentId, order.status().name(), actor,
      notes)).map(rows -> rows.iterator().next().getOffsetDateTime("updated_at"));
  }

  /** Makes a PENDING order cash on delivery, paid by {@code paymentId}, with a history row saying so. */
  Future<OffsetDateTime> chooseCashOnDelivery(SqlClient tx, UUID orderId, UUID paymentId, String actor) {
    return tx.preparedQuery(CASH_ON_DELIVERY).execute(Tuple.of(orderId, paymentId, actor,
      "Cash on delivery chosen (payment " + paymentId + ")")).map(rows -> rows.iterator().next()
      .getOffsetDateTime("updated_at"));
  }

  /** Unpaid orders past the window (never cash on delivery), locked, skipping those another sweeper holds. */
  Future<List<Order>> lockExpired(SqlClient tx, int windowMin, int limit) {
    return tx.preparedQuery(EXPIRED).execute(Tuple.of(windowMin, limit)).map(rows -> all(rows, Order::from));
  }

  Future<Set<UUID>> existing(Set<UUID> ids) {
    return db.write().preparedQuery(EXISTING).execute(Tuple.of((Object) ids.toArray(UUID[]::new))).map(rows -> {
      Set<UUID> found = new HashSet<>();
      rows.forEach(row -> found.add(row.getUUID("id")));
      return found;
    });
  }

  private static Order first(RowSet<Row> rows) {
    return rows.size() == 0 ? null : Order.from(rows.iterator().next());
  }

  private static <T> List<T> all(RowSet<Row> rows, Function<Row, T> map) {
    List<T> out = new ArrayList<>(rows.size());
    rows.forEach(row -> out.add(map.apply(row)));
    return out;
  }
}
