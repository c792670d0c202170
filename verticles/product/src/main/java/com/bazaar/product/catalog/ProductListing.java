package com.bazaar.product.catalog;

import com.bazaar.platform.db.ServiceDb;
import com.bazaar.platform.db.SqlStatement;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.paging.Cursor;
import com.bazaar.platform.paging.Page;
import com.bazaar.platform.paging.PageRequest;
import com.bazaar.product.api.ProductSummary;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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

  /** A page of the list, with only the selected fields of each item: the list body. */
  public Future<JsonObject> list(ProductListQuery query, Set<String> fields) {
    ProductSort sort = query.sort();
    return repository.page(query).map(rows -> {
      List<Row> fetched = new ArrayList<>(rows.size());
      rows.forEach(fetched::add);
      return Page.of(fetched, query.page(), row -> ProductJson.item(row, fields),
        row -> Cursor.encode(sort.queryValue(), sort.keyOf(row), row.getUUID("id").toString()));
    });
  }

  /** Products by id, for other services: one statement for up to 100 ids. */
  public Future<List<ProductSummary>> summaries(Set<UUID> ids) {
    if (ids.isEmpty() || ids.size() > PageRequest.MAX_LIMIT) {
      throw ApiError.badRequest("INVALID_IDS", "productIds must hold 1 to " + PageRequest.MAX_LIMIT + " ids", null);
    }
    return repository.summaries(ids.toArray(UUID[]::new)).map(rows -> {
      List<ProductSummary> products = new ArrayList<>(rows.size());
      for (Row row : rows) {
        products.add(new ProductSummary(row.getUUID("id"), row.getString("name"), row.getString("slug"),
          row.getBoolean("is_active"), row.getString("currency"), row.getLong("min_price"), row.getLong("max_price")));
      }
      return products;
    });
  }

  /** The item fields a {@code fields=} list selects, in their usual order; all of them without one. */
  public static Set<String> fields(JsonArray requested) {
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
