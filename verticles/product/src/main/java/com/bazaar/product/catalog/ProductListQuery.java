package com.bazaar.product.catalog;

import com.bazaar.platform.Ids;
import com.bazaar.platform.db.SqlStatement;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.paging.Cursor;
import com.bazaar.platform.paging.PageRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One page of the product list as one SQL statement. The filters present and the page size decide the text, so
 * each combination is a fixed text that PostgreSQL prepares once; stock and the primary image come from LATERAL
 * joins over the page only, so the statement count does not grow with the page size.
 */
public record ProductListQuery(String category, String q, Long minPrice, Long maxPrice, ProductSort sort, PageRequest page) {
  /** The list query a request's validated query parameters describe. */
  public static ProductListQuery from(JsonObject query, PageRequest page) {
    return new ProductListQuery(query.getString("category"), query.getString("q"), query.getLong("minPrice"),
      query.getLong("maxPrice"), ProductSort.parse(query.getString("sort")), page);
  }

  static final String LISTED = "p.is_active AND p.category_active AND p.min_price IS NOT NULL";
  private static final String ITEM = """
    SELECT p.id, p.name, p.slug, p.sku, p.min_price, p.max_price, p.currency, p.created_at, p.updated_at,
           c.id AS category_id, c.name AS category_name, c.slug AS category_slug,
           s.total_stock, i.url AS image_url, i.alt AS image_alt
      FROM (%s) p
      LEFT JOIN categories c ON c.id = p.category_id
      LEFT JOIN LATERAL (SELECT COALESCE(sum(v.stock), 0) AS total_stock FROM product_variants v
                          WHERE v.product_id = p.id AND v.is_active) s ON true
      LEFT JOIN LATERAL (SELECT im.url, im.alt FROM product_images im WHERE im.product_id = p.id
                          ORDER BY im.is_primary DESC, im.position, im.id LIMIT 1) i ON true
     ORDER BY %s""";

  /** The inner page selection alone: what EXPLAIN is checked on. */
  String pageSql(List<Object> params) {
    StringBuilder where = new StringBuilder(LISTED);
    if (category != null) {
      params.add(Ids.isUuid(category) ? UUID.fromString(category) : category);
      where.append(Ids.isUuid(category)
        ? " AND p.category_id = $" + params.size()
        : " AND p.category_id = (SELECT cat.id FROM categories cat WHERE cat.slug = $" + params.size() + ")");
    }
    if (q != null) {
      params.add("%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
      where.append(" AND p.name ILIKE $").append(params.size());
    }
    if (minPrice != null) {
      params.add(minPrice);
      where.append(" AND p.min_price >= $").append(params.size());
    }
    if (maxPrice != null) {
      params.add(maxPrice);
      where.append(" AND p.min_price <= $").append(params.size());
    }
    JsonArray after = Cursor.decode(page.cursor(), 3);
    if (after != null) {
      if (!sort.queryValue().equals(after.getString(0))) {
        throw ApiError.badRequest("INVALID_CURSOR", "The cursor belongs to another sort", null);
      }
      params.add(sort.keyFrom(after));
      params.add(Ids.parse(after.getString(2), "cursor"));
      where.append(" AND ").append(sort.after).append("($").append(params.size() - 1).append(", $")
        .append(params.size()).append(")");
    }
    // The page size is a literal, not a parameter: against "LIMIT $n" PostgreSQL costs a generic plan for a tenth
    // of the table, so it re-plans on every execution (half the throughput, see benchmarks/results/LATEST.md).
    return "SELECT * FROM products p WHERE " + where + " ORDER BY " + sort.orderBy + " LIMIT " + page.fetchSize();
  }

  /** The full statement and its parameters. */
  SqlStatement statement() {
    List<Object> params = new ArrayList<>();
    String inner = pageSql(params);
    return new SqlStatement(String.format(ITEM, inner, sort.orderBy), Tuple.wrap(params));
  }
}
