package com.bazaar.bench;

import com.bazaar.platform.db.SqlStatement;
import com.bazaar.platform.paging.Cursor;
import com.bazaar.product.catalog.ProductListing;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The work PostgreSQL does for one list page, in buffers touched (EXPLAIN ANALYZE, BUFFERS), as the catalog grows.
 * For every shape of {@code products_spread} (four sorts, with and without a price floor) in a few categories it
 * measures the first page, then follows the service's own cursors to the middle of the category and measures that
 * page too. Keyset pages over fitting indexes touch the same number of buffers at any catalog size and any depth;
 * throughput that still falls with size is the buffer cache, not the query.
 *
 * <p>Usage: {@code PageCost <products> <categories>}, with {@code BAZAAR_PG_*} naming the database. Prints one
 * {@code PAGE_COST {json}} line.
 */
public final class PageCost {
  private static final String[] SORTS = {"newest", "price_asc", "price_desc", "name"};
  private static final int PAGE = 20;
  private static final int CATEGORIES_SAMPLED = 5;

  private PageCost() {
  }

  public static void main(String[] args) throws SQLException {
    int products = Integer.parseInt(args[0]);
    int categories = Integer.parseInt(args[1]);
    int middlePages = Math.max(1, products / categories / 2 / PAGE);
    Random random = new Random(42);
    List<Long> first = new ArrayList<>();
    List<Long> middle = new ArrayList<>();
    try (Connection db = BenchDatabase.connect(BenchDatabase.url() + "?currentSchema=product")) {
      for (String sort : SORTS) {
        for (Long floor : new Long[] {null, (random.nextInt(50) + 1) * 2000L}) {
          for (int i = 0; i < CATEGORIES_SAMPLED; i++) {
            String category = "category-" + (random.nextInt(categories) + 1);
            first.add(buffers(db, ProductListing.statement(category, null, floor, null, sort, PAGE)));
            String cursor = null;
            for (int page = 1; page < middlePages && (page == 1 || cursor != null); page++) {
              cursor = nextCursor(db, ProductListing.statement(category, null, floor, null, sort, PAGE, cursor), sort);
            }
            if (cursor != null) {
              middle.add(buffers(db, ProductListing.statement(category, null, floor, null, sort, PAGE, cursor)));
            }
          }
        }
      }
    }
    System.out.println("PAGE_COST " + new JsonObject()
      .put("products", products).put("middle_page", middlePages)
      .put("first_pages", first.size()).put("first_buffers_mean", mean(first)).put("first_buffers_max", max(first))
      .put("middle_pages", middle.size()).put("middle_buffers_mean", mean(middle)).put("middle_buffers_max", max(middle))
      .encode());
  }

  /** Shared buffers (hit + read) the statement touched, planning excluded. */
  private static long buffers(Connection db, SqlStatement statement) throws SQLException {
    SqlStatement explained = new SqlStatement("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + statement.sql(),
      statement.params());
    try (PreparedStatement ps = prepare(db, explained); ResultSet rs = ps.executeQuery()) {
      rs.next();
      JsonObject plan = new JsonArray(rs.getString(1)).getJsonObject(0).getJsonObject("Plan");
      return plan.getLong("Shared Hit Blocks") + plan.getLong("Shared Read Blocks");
    }
  }

  /** Runs a page and returns the cursor the service would hand out after it, or null on the last page. */
  private static String nextCursor(Connection db, SqlStatement statement, String sort) throws SQLException {
    try (PreparedStatement ps = prepare(db, statement); ResultSet rs = ps.executeQuery()) {
      for (int row = 0; row < PAGE; row++) {
        if (!rs.next()) {
          return null;
        }
      }
      Object key = switch (sort) {
        case "newest" -> rs.getObject("created_at", OffsetDateTime.class).toString();
        case "name" -> rs.getString("name");
        default -> rs.getLong("min_price");
      };
      String id = rs.getString("id");
      return rs.next() ? Cursor.encode(sort, key, id) : null;
    }
  }

  private static PreparedStatement prepare(Connection db, SqlStatement statement) throws SQLException {
    PreparedStatement ps = db.prepareStatement(statement.sql().replaceAll("\\$\\d+", "?"));
    for (int i = 0; i < statement.params().size(); i++) {
      ps.setObject(i + 1, statement.params().getValue(i));
    }
    return ps;
  }

  private static double mean(List<Long> values) {
    return Math.round(values.stream().mapToLong(Long::longValue).average().orElse(0) * 10) / 10.0;
  }

  private static long max(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).max().orElse(0);
  }
}
