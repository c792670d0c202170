package com.bazaar.product.stock;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Stock SQL. Rows are locked in id order first, so concurrent multi-line reservations cannot deadlock. */
final class StockRepository {
  private static final String LOCK = "SELECT v.id, v.product_id, v.stock, v.is_active AND p.is_active AND p.category_active AS sellable, p.slug "
    + "FROM product_variants v JOIN products p ON p.id = v.product_id WHERE v.id = ANY($1) ORDER BY v.id FOR UPDATE OF v";
  private static final String TAKE = "UPDATE product_variants v SET stock = v.stock - r.q, updated_at = now() "
    + "FROM unnest($1::uuid[], $2::int[]) AS r(id, q) WHERE v.id = r.id AND v.is_active AND v.stock >= r.q RETURNING v.id";
  private static final String GIVE_BACK = "UPDATE product_variants v SET stock = v.stock + r.q, updated_at = now() "
    + "FROM unnest($1::uuid[], $2::int[]) AS r(id, q) WHERE v.id = r.id RETURNING v.id";
  private static final String LOCK_ORDER = "SELECT pg_advisory_xact_lock(hashtextextended($1::text, 11))";
  private static final String HELD = "SELECT variant_id, quantity, released_at FROM stock_reservations WHERE order_id = $1 "
    + "ORDER BY variant_id";
  private static final String RECORD = "INSERT INTO stock_reservations (order_id, variant_id, quantity) "
    + "SELECT $1, r.id, r.q FROM unnest($2::uuid[], $3::int[]) AS r(id, q)";
  private static final String RELEASE = "UPDATE stock_reservations SET released_at = now() WHERE order_id = $1 "
    + "AND released_at IS NULL RETURNING variant_id, quantity";
  private static final String CONFIRM = "UPDATE stock_reservations SET confirmed_at = now() WHERE order_id = $1 "
    + "AND confirmed_at IS NULL";
  private static final String UNCONFIRMED = "SELECT order_id, min(created_at) AS since FROM stock_reservations "
    + "WHERE released_at IS NULL AND confirmed_at IS NULL AND created_at < now() - make_interval(secs => $1) "
    + "GROUP BY order_id ORDER BY since LIMIT $2";
  private static final String LOOKUP = "SELECT v.id, v.product_id, p.name, v.sku, v.price, v.currency, "
    + "v.is_active AND p.is_active AND p.category_active AS sellable, v.stock FROM product_variants v JOIN products p ON p.id = v.product_id "
    + "WHERE v.id = ANY($1)";

  // An array as the last of two Tuple.of arguments would be spread as varargs: hence the (Object) casts.
  Future<RowSet<Row>> lock(SqlClient tx, UUID[] ids) {
    return tx.preparedQuery(LOCK).execute(Tuple.of((Object) ids));
  }

  Future<Integer> take(SqlClient tx, UUID[] ids, Integer[] quantities) {
    return tx.preparedQuery(TAKE).execute(Tuple.of(ids, (Object) quantities)).map(RowSet::rowCount);
  }

  Future<Integer> giveBack(SqlClient tx, UUID[] ids, Integer[] quantities) {
    return tx.preparedQuery(GIVE_BACK).execute(Tuple.of(ids, (Object) quantities)).map(RowSet::rowCount);
  }

  /** Serializes the reserves and releases of one order, so that a retry running beside its first try waits for it. */
  Future<Void> lockOrder(SqlClient tx, UUID orderId) {
    return tx.preparedQuery(LOCK_ORDER).execute(Tuple.of(orderId.toString())).mapEmpty();
  }

  Future<RowSet<Row>> held(SqlClient tx, UUID orderId) {
    return tx.preparedQuery(HELD).execute(Tuple.of(orderId));
  }

  Future<Void> record(SqlClient tx, UUID orderId, UUID[] ids, Integer[] quantities) {
    return tx.preparedQuery(RECORD).execute(Tuple.tuple().addValue(orderId).addValue(ids).addValue(quantities))
      .mapEmpty();
  }

  Future<RowSet<Row>> release(SqlClient tx, UUID orderId) {
    return tx.preparedQuery(RELEASE).execute(Tuple.of(orderId));
  }

  Future<Void> confirm(SqlClient tx, UUID orderId) {
    return tx.preparedQuery(CONFIRM).execute(Tuple.of(orderId)).mapEmpty();
  }

  Future<List<UUID>> unconfirmed(SqlClient client, int olderThanSec, int limit) {
    return client.preparedQuery(UNCONFIRMED).execute(Tuple.of((double) olderThanSec, limit)).map(rows -> {
      List<UUID> orders = new ArrayList<>(rows.size());
      rows.forEach(row -> orders.add(row.getUUID("order_id")));
      return orders;
    });
  }

  Future<RowSet<Row>> lookup(SqlClient client, UUID[] ids) {
    return client.preparedQuery(LOOKUP).execute(Tuple.of((Object) ids));
  }
}
