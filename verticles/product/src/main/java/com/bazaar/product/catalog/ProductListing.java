package com.bazaar.product.catalog;

import com.bazaar.platform.Ids;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.db.ServiceDb;
import com.bazaar.platform.db.SqlStatement;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.paging.Cursor;
import com.bazaar.platform.paging.PageRequest;
import com.bazaar.product.api.ProductSummary;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** The public product list: filters, sorts, keyset pages and field selection. */
public final class ProductListing {
  private final ProductReadRepository repository;

  public ProductListing(ServiceDb db) {
    this.repository = new ProductReadRepository(db);
  }

  /**
   * The statement a list request runs, for the benchmark harness: pgbench runs it as the database's limit, and the
   * page-cost walk follows its cursors. {@code cursor} is a {@code nextCursor} from an earlier page, or null.
   */
  public static SqlStatement statement(String category, String q, Long minPrice, Long maxPrice, String sort, int limit,
                                       String cursor) {
    return new ProductListQuery(category, q, minPrice, maxPrice, ProductSort.parse(sort), new PageRequest(limit, cursor))
      .statement();
  }

  public static SqlStatement statement(String category, String q, Long minPrice, Long maxPrice, String sort, int limit) {
    return statement(category, q, minPrice, maxPrice, sort, limit, null);
  }

  public Future<BusReply> list(BusRequest request) {
    JsonObject query = request.query();
    ProductSort sort = ProductSort.parse(query.getString("sort"));
    PageRequest page = PageRequest.from(request);
    ProductListQuery listQuery = new ProductListQuery(query.getString("category"), query.getString("q"),
      query.getLong("minPrice"), query.getLong("maxPrice"), sort, page);
    Set<String> fields = fields(query.getJsonArray("fields"));
    return repository.page(listQuery).map(rows -> BusReply.ok(page(rows, page, sort, fields)));
  }

  /** Products by id, for other services: one statement for up to 100 ids. */
  public Future<BusReply> summaries(BusRequest request) {
    JsonArray raw = request.bodyObject().getJsonArray("productIds", new JsonArray());
    if (raw.isEmpty() || raw.size() > PageRequest.MAX_LIMIT) {
      throw ApiError.badRequest("INVALID_IDS", "productIds must hold 1 to " + PageRequest.MAX_LIMIT + " ids", null);
    }
    UUID[] ids = raw.stream().map(id -> Ids.parse(String.valueOf(id), "productIds")).toArray(UUID[]::new);
    return repository.summaries(ids).map(rows -> {
      JsonArray products = new JsonArray();
      for (Row row : rows) {
        products.add(new ProductSummary(row.getUUID("id"), row.getString("name"), row.getString("slug"),
          row.getBoolean("is_active"), row.getString("currency"), row.getLong("min_price"), row.getLong("max_price")).toJson());
      }
      return BusReply.ok(new JsonObject().put("products", products));
    });
  }

  private static JsonObject page(RowSet<Row> rows, PageRequest page, ProductSort sort, Set<String> fields) {
    JsonArray items = new JsonArray();
    Row last = null;
    int count = 0;
    for (Row row : rows) {
      if (count++ == page.limit()) {
        break;
      }
      items.add(ProductJson.item(row, fields));
      last = row;
    }
    String next = rows.size() > page.limit() && last != null
      ? Cursor.encode(sort.queryValue(), sort.keyOf(last), last.getUUID("id").toString())
      : null;
    return new JsonObject().put("items", items).put("nextCursor", next);
  }

  private static Set<String> fields(JsonArray requested) {
    if (requested == null || requested.isEmpty()) {
      return new LinkedHashSet<>(ProductJson.ITEM_FIELDS);
    }
    for (Object field : requested) {
      if (!ProductJson.ITEM_FIELDS.contains(String.valueOf(field))) {
        throw ApiError.badRequest("UNKNOWN_FIELD", "fields has an unknown field '" + field + "'",
          new JsonObject().put("accepted", new JsonArray(ProductJson.ITEM_FIELDS)));
      }
    }
    Set<String> fields = new LinkedHashSet<>();
    for (String field : ProductJson.ITEM_FIELDS) {
      if (requested.contains(field)) {
        fields.add(field);
      }
    }
    return fields;
  }
}
