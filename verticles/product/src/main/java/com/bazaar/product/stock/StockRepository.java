package com.bazaar.product.stock;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;

/** Stock SQL. Rows are locked in id order first, so concurrent multi-line reservations cannot deadlock. */
final class StockRepository {
  private static final String LOCK = "SELECT v.id, v.product_id, v.stock, v.is_active AND p.is_active AND p.category_active AS sellable, p.slug "
    + "FROM product_variants v JOIN products p ON p.id = v.product_id WHERE v.id = ANY($1) ORDER BY v.id FOR UPDATE OF v";
  private static final String TAKE = "UPDATE product_variants v SET stock = v.stock - r.q, updated_at = now() "
    + "FROM unnest($1::uuid[], $2::int[]) AS r(id, q) WHERE v.id = r.id AND v.is_active AND v.stock >= r.q RETURNING v.id";
  private static final String GIVE_BACK = "UPDATE product_variants v SET stock = v.stock + r.q, updated_at = now() "
    + "FROM unnest($1::uuid[], $2::int[]) AS r(id, q) WHERE v.id = r.id RETURNING v.id";
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

  Future<RowSet<Row>> lookup(SqlClient client, UUID[] ids) {
    return client.preparedQuery(LOOKUP).execute(Tuple.of((Object) ids));
  }
}
