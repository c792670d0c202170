package com.bazaar.product.catalog;

import com.bazaar.platform.db.ServiceDb;
import com.bazaar.platform.db.SqlStatement;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;
import java.util.UUID;

/** Read SQL for products: a list page and a full product are one statement each. */
final class ProductReadRepository {
  private static final String DETAIL = """
    SELECT p.id, p.name, p.slug, p.sku, p.description, p.is_active, p.category_active, p.currency, p.min_price, p.max_price, p.version,
           p.created_at, p.updated_at,
           CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object('id', c.id, 'name', c.name, 'slug', c.slug) END AS category,
           COALESCE((SELECT json_agg(json_build_object('id', o.id, 'name', o.name, 'values',
                       (SELECT json_agg(json_build_object('id', ov.id, 'value', ov.value) ORDER BY ov.position)
                          FROM variant_option_values ov WHERE ov.option_id = o.id)) ORDER BY o.position)
                       FROM variant_options o WHERE o.product_id = p.id), '[]') AS options,
           COALESCE((SELECT json_agg(json_build_object('id', v.id, 'sku', v.sku, 'price', v.price,
                       'currency', v.currency, 'stock', v.stock, 'isActive', v.is_active,
                       'optionValues', (SELECT COALESCE(json_object_agg(o.name, ov.value), '{}')
                                          FROM variant_option_links l
                                          JOIN variant_option_values ov ON ov.id = l.option_value_id
                                          JOIN variant_options o ON o.id = ov.option_id
                                         WHERE l.variant_id = v.id)) ORDER BY v.position, v.id)
                       FROM product_variants v WHERE v.product_id = p.id), '[]') AS variants,
           COALESCE((SELECT json_agg(json_build_object('id', im.id, 'url', im.url, 'alt', im.alt,
                       'position', im.position, 'isPrimary', im.is_primary) ORDER BY im.position, im.id)
                       FROM product_images im WHERE im.product_id = p.id), '[]') AS images
      FROM products p LEFT JOIN categories c ON c.id = p.category_id
     WHERE """;
  private static final String DETAIL_BY_ID = DETAIL + " p.id = $1";
  static final String DETAIL_BY_SLUG = DETAIL + " p.slug = $1";

  private static final String CURRENCY = "SELECT currency FROM products WHERE id = $1";
  private static final String SUMMARIES = "SELECT id, name, slug, is_active AND category_active AS is_active, currency, min_price, max_price "
    + "FROM products WHERE id = ANY($1)";

  private final ServiceDb db;

  ProductReadRepository(ServiceDb db) {
    this.db = db;
  }

  Future<RowSet<Row>> page(ProductListQuery query) {
    SqlStatement statement = query.statement();
    return db.read().preparedQuery(statement.sql()).execute(statement.params());
  }

  Future<Optional<Row>> detailById(UUID id) {
    return detailById(db.read(), id);
  }

  Future<Optional<Row>> detailById(SqlClient client, UUID id) {
    return client.preparedQuery(DETAIL_BY_ID).execute(Tuple.of(id)).map(ProductReadRepository::first);
  }

  Future<String> currencyOf(SqlClient client, UUID productId) {
    return client.preparedQuery(CURRENCY).execute(Tuple.of(productId)).map(rows -> rows.iterator().next().getString(0));
  }

  Future<RowSet<Row>> summaries(UUID[] ids) {
    return db.read().preparedQuery(SUMMARIES).execute(Tuple.of((Object) ids));
  }

  Future<Optional<Row>> detailBySlug(String slug) {
    return db.read().preparedQuery(DETAIL_BY_SLUG).execute(Tuple.of(slug)).map(ProductReadRepository::first);
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next());
  }
}
