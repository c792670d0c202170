package com.bazaar.product.catalog;

import com.bazaar.platform.Ids;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.cache.RedisCache;
import com.bazaar.platform.db.ServiceDb;
import com.bazaar.platform.error.ApiError;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.Optional;
import java.util.UUID;

/**
 * One product with its category, options, variants and images: one SQL statement on a miss, none on a hit.
 * The cached value is the encoded JSON behind one byte that says whether the product is active, so a hit is
 * answered without decoding: inactive products are 404 to the public and visible to an ADMIN.
 */
public final class ProductDetails {
  private static final byte ACTIVE = 'A';
  private static final byte INACTIVE = 'I';

  private final ProductReadRepository repository;
  private final RedisCache cache;
  private final int ttlSec;

  public ProductDetails(ServiceDb db, RedisCache cache, int ttlSec) {
    this.repository = new ProductReadRepository(db);
    this.cache = cache;
    this.ttlSec = ttlSec;
  }

  /** The statement a cold detail read by slug runs ($1 = the slug); the benchmark harness hands it to pgbench. */
  public static String bySlugSql() {
    return ProductReadRepository.DETAIL_BY_SLUG;
  }

  public static String idKey(UUID id) {
    return "id:" + id;
  }

  public static String slugKey(String slug) {
    return "slug:" + slug;
  }

  /** The product's JSON as cached; an inactive product only for an ADMIN. */
  public Future<Buffer> get(String idOrSlug, Principal caller) {
    boolean byId = Ids.isUuid(idOrSlug);
    String cacheKey = byId ? idKey(UUID.fromString(idOrSlug)) : slugKey(idOrSlug);
    return cache.getOrLoad(cacheKey, ttlSec, () -> load(byId, idOrSlug)).map(cached -> {
      byte state = cached.getByte(0);
      if (state == ACTIVE || state == INACTIVE && caller.isAdmin()) {
        return cached.slice(1, cached.length());
      }
      throw ApiError.notFound("Product");
    });
  }

  /** The current JSON of a product, fresh from the database, for answers to writes. */
  public static JsonObject json(Row row) {
    return ProductJson.detail(row);
  }

  private Future<Buffer> load(boolean byId, String key) {
    Future<Optional<Row>> row = byId ? repository.detailById(UUID.fromString(key)) : repository.detailBySlug(key);
    return row.map(found -> encode(found.orElseThrow(() -> ApiError.notFound("Product"))));
  }

  private static Buffer encode(Row row) {
    Buffer json = ProductJson.detail(row).toBuffer();
    return Buffer.buffer(json.length() + 1).appendByte(row.getBoolean("is_active") && row.getBoolean("category_active") ? ACTIVE : INACTIVE).appendBuffer(json);
  }
}
