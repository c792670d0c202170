package com.bazaar.product.catalog;

import com.bazaar.platform.Ids;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.db.ServiceDb;
import com.bazaar.platform.error.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * ADMIN writes to products and variants, each in one transaction. Every write bumps the product's version;
 * {@code If-Match: "<version>"} makes an update or delete conditional (412 when stale).
 */
public final class ProductWrites {
  private final ServiceDb db;
  private final ProductWriteRepository writes = new ProductWriteRepository();
  private final ProductReadRepository reads;
  private final CatalogChanges changes;
  private final String defaultCurrency;

  /** A committed write: the product it touched, its slug before the write, and the JSON to answer with. */
  private record Written(UUID productId, String previousSlug, JsonObject body) {
  }

  public ProductWrites(ServiceDb db, CatalogChanges changes, String defaultCurrency) {
    this.db = db;
    this.reads = new ProductReadRepository(db);
    this.changes = changes;
    this.defaultCurrency = defaultCurrency;
  }

  public Future<BusReply> create(BusRequest request) {
    ProductDraft draft = ProductDraft.parse(request.bodyObject(), defaultCurrency);
    return db.write().withTransaction(tx -> writes.insertProduct(tx, draft)
        .compose(id -> writes.insertOptions(tx, id, draft.options())
          .compose(valueIds -> writes.insertVariants(tx, id, draft.currency(), draft.variants(), valueIds))
          .compose(variants -> writes.insertImages(tx, id, draft.images()))
          .compose(v -> reads.detailById(tx, id))))
      .recover(ProductWrites::explain)
      .compose(row -> {
        JsonObject product = ProductDetails.json(row.orElseThrow());
        return changes.changed("created", UUID.fromString(product.getString("id")), product.getString("slug"))
          .map(v -> BusReply.created(product));
      });
  }

  public Future<BusReply> update(BusRequest request) {
    UUID id = Ids.parse(request.param("idOrSlug"), "id");
    Integer expected = expectedVersion(request);
    JsonObject patch = request.bodyObject();
    return db.write().withTransaction(tx -> writes.lock(tx, id).compose(current -> {
        ProductWriteRepository.SlugVersion found = current.orElseThrow(() -> ApiError.notFound("Product"));
        if (expected != null && expected != found.version()) {
          throw stale(found.version());
        }
        return writes.update(tx, id, expected, patch).compose(updated -> reads.detailById(tx, id))
          .map(row -> new Written(id, found.slug(), ProductDetails.json(row.orElseThrow())));
      }))
      .recover(ProductWrites::explain)
      .compose(written -> changes.changed("updated", id, written.previousSlug(), written.body().getString("slug"))
        .map(v -> BusReply.ok(written.body())));
  }

  public Future<BusReply> delete(BusRequest request) {
    UUID id = Ids.parse(request.param("idOrSlug"), "id");
    Integer expected = expectedVersion(request);
    return db.write().withTransaction(tx -> writes.lock(tx, id).compose(current -> {
      ProductWriteRepository.SlugVersion found = current.orElseThrow(() -> ApiError.notFound("Product"));
      if (expected != null && expected != found.version()) {
        throw stale(found.version());
      }
      return writes.delete(tx, id, null).map(found.slug());
    })).compose(slug -> changes.changed("deleted", id, slug)).map(v -> BusReply.noContent());
  }

  public Future<BusReply> addVariant(BusRequest request) {
    UUID productId = Ids.parse(request.param("idOrSlug"), "id");
    JsonObject body = request.bodyObject();
    return db.write().withTransaction(tx -> writes.lock(tx, productId).compose(current -> {
        ProductWriteRepository.SlugVersion found = current.orElseThrow(() -> ApiError.notFound("Product"));
        Map<String, UUID> valueIds = new HashMap<>();
        return writes.options(tx, productId, valueIds).compose(options -> {
          List<JsonObject> problems = new ArrayList<>();
          ProductDraft.VariantDraft variant = ProductDraft.variant(body, options, "", problems);
          if (variant == null) {
            throw ProductDraft.invalid(problems);
          }
          return reads.currencyOf(tx, productId).compose(currency -> {
            if (body.containsKey("currency") && !body.getString("currency").equals(currency)) {
              throw ProductDraft.invalid(List.of(ProductDraft.problem("currency", "MIXED_CURRENCY", "the product is priced in " + currency)));
            }
            return writes.insertVariants(tx, productId, currency, List.of(variant), valueIds);
          });
        }).compose(ids -> writes.bumpVersion(tx, productId).compose(slug -> writes.variant(tx, ids.get(0)))
          .map(json -> new Written(productId, found.slug(), json)));
      }))
      .recover(ProductWrites::explain)
      .compose(written -> changes.changed("variant-added", productId, written.previousSlug())
        .map(v -> BusReply.created(written.body())));
  }

  public Future<BusReply> updateVariant(BusRequest request) {
    UUID variantId = Ids.parse(request.param("id"), "id");
    JsonObject patch = request.bodyObject();
    return db.write().withTransaction(tx -> writes.updateVariant(tx, variantId, patch).compose(productId -> {
        UUID owner = productId.orElseThrow(() -> ApiError.notFound("Variant"));
        return writes.bumpVersion(tx, owner).compose(slug -> writes.variant(tx, variantId)
          .map(json -> new Written(owner, slug, json)));
      }))
      .compose(written -> changes.changed("variant-updated", written.productId(), written.previousSlug())
        .map(v -> BusReply.ok(written.body())));
  }

  private static Integer expectedVersion(BusRequest request) {
    String ifMatch = request.header("If-Match");
    if (ifMatch == null) {
      return null;
    }
    String bare = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
    try {
      return Integer.parseInt(bare);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("INVALID_IF_MATCH", "If-Match must be the product version, such as \"3\"", null);
    }
  }

  private static ApiError stale(int current) {
    return new ApiError(412, "VERSION_MISMATCH", "The product changed since you read it; its version is now " + current,
      new JsonObject().put("version", current));
  }

  /** Turns constraint violations into answers that name the field. */
  private static <T> Future<T> explain(Throwable failure) {
    if (failure instanceof PgException pg && pg.getConstraint() != null) {
      String constraint = pg.getConstraint();
      if ("23505".equals(pg.getSqlState())) {
        String field = constraint.startsWith("products_slug") ? "slug"
          : constraint.startsWith("products_sku") ? "sku"
          : constraint.startsWith("product_variants_sku") ? "variants.sku"
          : constraint.contains("combination") ? "variants.optionValues" : constraint;
        return Future.failedFuture(ApiError.conflict("DUPLICATE", "Another product or variant already has this " + field,
          new JsonObject().put("field", field)));
      }
      if ("23503".equals(pg.getSqlState()) && constraint.contains("category")) {
        return Future.failedFuture(ApiError.unprocessable("UNKNOWN_CATEGORY", "categoryId names no category", null));
      }
    }
    return Future.failedFuture(failure);
  }
}
