package com.bazaar.bench.naive;

import com.bazaar.platform.Platform;
import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.json.IsoTime;
import com.bazaar.platform.paging.PageRequest;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;

/**
 * The product list the way the seed system built it, kept only as a benchmark baseline: one query for the page,
 * then, product after product, one query each for its variants, its primary image and its category (1 + 3N
 * statements, awaited in turn). It answers the same JSON as the real list.
 */
public final class NaiveProductList extends VerticleBase {
  public static final String ADDRESS = "bench.naive.products.list";
  private static final String PAGE = "SELECT id, name, slug, sku, currency, category_id, created_at, updated_at "
    + "FROM products WHERE is_active ORDER BY created_at DESC, id DESC LIMIT $1";
  private static final String VARIANTS = "SELECT price, stock FROM product_variants WHERE product_id = $1 AND is_active";
  private static final String IMAGE = "SELECT url, alt FROM product_images WHERE product_id = $1 "
    + "ORDER BY is_primary DESC, position, id LIMIT 1";
  private static final String CATEGORY = "SELECT id, name, slug FROM categories WHERE id = $1";

  private final Platform platform;
  private Pool pool;

  public NaiveProductList(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    pool = platform.db("product").read();
    return new BusBindings(vertx.eventBus()).bind(ADDRESS, this::list).ready();
  }

  private Future<BusReply> list(BusRequest request) {
    PageRequest page = PageRequest.from(request);
    return pool.preparedQuery(PAGE).execute(Tuple.of(page.limit())).compose(rows -> {
      JsonArray items = new JsonArray();
      Future<Void> chain = Future.succeededFuture();
      for (Row row : rows) {
        chain = chain.compose(v -> item(row).map(items::add).mapEmpty());
      }
      return chain.map(v -> BusReply.ok(new JsonObject().put("items", items).put("nextCursor", null)));
    });
  }

  private Future<JsonObject> item(Row product) {
    UUID id = product.getUUID("id");
    JsonObject item = new JsonObject()
      .put("id", id.toString())
      .put("name", product.getString("name"))
      .put("slug", product.getString("slug"))
      .put("sku", product.getString("sku"))
      .put("currency", product.getString("currency"))
      .put("createdAt", IsoTime.format(product.getOffsetDateTime("created_at")))
      .put("updatedAt", IsoTime.format(product.getOffsetDateTime("updated_at")));
    return pool.preparedQuery(VARIANTS).execute(Tuple.of(id)).compose(variants -> {
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      long stock = 0;
      for (Row v : variants) {
        min = Math.min(min, v.getLong("price"));
        max = Math.max(max, v.getLong("price"));
        stock += v.getInteger("stock");
      }
      item.put("minPrice", variants.size() == 0 ? null : min).put("maxPrice", variants.size() == 0 ? null : max)
        .put("totalStock", stock);
      return pool.preparedQuery(IMAGE).execute(Tuple.of(id));
    }).compose(image -> {
      Row first = image.size() == 0 ? null : image.iterator().next();
      item.put("primaryImage", first == null ? null
        : new JsonObject().put("url", first.getString("url")).put("alt", first.getString("alt")));
      return product.getUUID("category_id") == null ? Future.succeededFuture(item)
        : pool.preparedQuery(CATEGORY).execute(Tuple.of(product.getUUID("category_id"))).map(category -> {
          Row c = category.iterator().next();
          return item.put("category", new JsonObject().put("id", c.getUUID("id").toString())
            .put("name", c.getString("name")).put("slug", c.getString("slug")));
        });
    });
  }
}
