package com.bazaar.product.catalog;

import com.bazaar.platform.db.SqlStatement;
import com.bazaar.platform.paging.Cursor;
import com.bazaar.platform.paging.PageRequest;
import com.bazaar.platform.testing.TestStack;
import com.bazaar.product.ProductVerticle;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shape of the list query, planned by PostgreSQL over 10,000 products: each must read products through an
 * index, never a sequential scan, and a prepared page must settle on one generic plan rather than be re-planned.
 */
class ProductListPlanTest {
  private static TestStack stack;
  private static String categoryId;

  @BeforeAll
  static void seed() {
    stack = TestStack.start().migrate(ProductVerticle.SERVICE);
    stack.database().execute("""
      SET search_path = product;
      INSERT INTO categories (name, slug) SELECT 'Category ' || i, 'category-' || i FROM generate_series(1, 50) i;
      INSERT INTO products (name, slug, category_id, currency, created_at)
        SELECT 'Product ' || i || ' ' || md5(i::text), 'product-' || i,
               (SELECT id FROM categories WHERE slug = 'category-' || (1 + i % 50)), 'INR', now() - i * interval '1 minute'
          FROM generate_series(1, 10000) i;
      INSERT INTO product_variants (product_id, price, currency, stock, combination_key, position)
        SELECT id, 100 + abs(hashtext(id::text)) % 100000, 'INR', 10, '', 0 FROM products;
      ANALYZE;""");
    categoryId = stack.platform().db(ProductVerticle.SERVICE).write()
      .query("SELECT id FROM categories WHERE slug = 'category-7'").execute().await().iterator().next().getUUID(0).toString();
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void every_filter_and_sort_reads_products_through_an_index() {
    List<String> failures = new ArrayList<>();
    for (ProductSort sort : ProductSort.values()) {
      for (ProductListQuery query : shapes(sort)) {
        String plan = explain(query);
        if (plan.contains("Seq Scan on products") || !plan.matches("(?s).*(Index Scan|Index Only Scan|Bitmap Index Scan)( Backward)? (using|on) products_.*")) {
          failures.add(sort + " " + query + "\n" + plan);
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void a_page_is_planned_once_per_connection_not_on_every_execution() {
    Pool pool = stack.platform().db(ProductVerticle.SERVICE).write();
    SqlConnection connection = pool.getConnection().await();
    try {
      for (ProductListQuery query : List.of(
        new ProductListQuery(null, null, null, null, ProductSort.NEWEST, new PageRequest(20, null)),
        new ProductListQuery("category-7", null, null, null, ProductSort.PRICE_ASC, new PageRequest(50, null)))) {
        SqlStatement statement = query.statement();
        for (int i = 0; i < 8; i++) {
          connection.preparedQuery(statement.sql()).execute(statement.params()).await();
        }
        Row plans = connection.preparedQuery("SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = $1")
          .execute(Tuple.of(statement.sql())).await().iterator().next();
        assertThat(plans.getLong("generic_plans")).as("generic plans of %s", query).isGreaterThanOrEqualTo(3);
        assertThat(plans.getLong("custom_plans")).as("custom plans of %s", query).isLessThanOrEqualTo(5);
      }
    } finally {
      connection.close().await();
    }
  }

  private static List<ProductListQuery> shapes(ProductSort sort) {
    String cursor = Cursor.encode(sort.queryValue(), cursorKey(sort), UUID.randomUUID().toString());
    PageRequest first = new PageRequest(20, null);
    PageRequest next = new PageRequest(20, cursor);
    return List.of(
      new ProductListQuery(null, null, null, null, sort, first),
      new ProductListQuery(null, null, null, null, sort, next),
      new ProductListQuery(categoryId, null, null, null, sort, first),
      new ProductListQuery("category-7", null, null, null, sort, next),
      new ProductListQuery(null, "5d41", null, null, sort, first),
      new ProductListQuery(null, null, 1_000L, 2_000L, sort, first),
      new ProductListQuery(categoryId, null, 1_000L, 50_000L, sort, next));
  }

  private static Object cursorKey(ProductSort sort) {
    return switch (sort) {
      case NEWEST -> OffsetDateTime.now().minusDays(2).toString();
      case PRICE_ASC, PRICE_DESC -> 40_000L;
      case NAME -> "Product 5";
    };
  }

  private static String explain(ProductListQuery query) {
    Pool pool = stack.platform().db(ProductVerticle.SERVICE).write();
    SqlStatement statement = query.statement();
    StringBuilder plan = new StringBuilder();
    for (Row row : pool.preparedQuery("EXPLAIN " + statement.sql()).execute(statement.params()).await()) {
      plan.append(row.getString(0)).append('\n');
    }
    return plan.toString();
  }
}
