package com.bazaar.product.catalog;

import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.db.ServiceDb;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * ADMIN writes to products and variants, each in one transaction. Every write bumps the product's version;
 * an expected version (from {@code If-Match}) makes an update or delete conditional (412 when stale). Each answers
 * the product or variant as it now is.
 */
public final class ProductWrites {
  private final ServiceDb db;
  private final ProductWriteRepository writes = new ProductWriteRepository();
  private final ProductReadRepository reads;
  private final CatalogChanges changes;

  /** A committed write: the product it touched, its slug before the write, and the JSON to answer with. */
  private record Written(UUID productId, String previousSlug, JsonObject body) {
  }

  public ProductWrites(ServiceDb db, CatalogChanges changes) {
    this.db = db;
    this.reads = new ProductReadRepository(db);
    this.changes = changes;
  }

  public Future<JsonObject> create(ProductDraft draft) {
    return db.write().withTransaction(tx -> writes.insertProduct(tx, draft)
        .compose(id -> writes.insertOptions(tx, id, draft.options())
          .compose(valueIds -> writes.insertVariants(tx, id, draft.currency(), draft.variants(), valueIds))
          .compose(variants -> writes.insertImages(tx, id, draft.images()))
          .compose(v -> reads.detailById(tx, id))))
      .compose(row -> {
        JsonObject product = ProductDetails.json(row.orElseThrow());
        return changes.changed("created", UUID.fromString(product.getString("id")), product.getString("slug"))
          .map(product);
      });
  }

  public Future<JsonObject> update(UUID id, Integer expectedVersion, ProductPatch patch) {
    return db.write().withTransaction(tx -> writes.lock(tx, id).compose(current -> {
        ProductWriteRepository.SlugVersion found = current.orElseThrow(() -> ApiError.notFound("Product"));
        requireVersion(expectedVersion, found.version());
        return writes.update(tx, id, expectedVersion, patch).compose(updated -> reads.detailById(tx, id))
          .map(row -> new Written(id, found.slug(), ProductDetails.json(row.orElseThrow())));
      }))
      .compose(written -> changes.changed("updated", id, written.previousSlug(), written.body().getString("slug"))
        .map(written.body()));
  }

  public Future<Void> delete(UUID id, Integer expectedVersion) {
    return db.write().withTransaction(tx -> writes.lock(tx, id).compose(current -> {
      ProductWriteRepository.SlugVersion found = current.orElseThrow(() -> ApiError.notFound("Product"));
      requireVersion(expectedVersion, found.version());
      return writes.delete(tx, id, null).map(found.slug());
    })).compose(slug -> changes.changed("deleted", id, slug));
  }

  public Future<JsonObject> addVariant(UUID productId, VariantInput input) {
    return db.write().withTransaction(tx -> writes.lock(tx, productId).compose(current -> {
        ProductWriteRepository.SlugVersion found = current.orElseThrow(() -> ApiError.notFound("Product"));
        Map<String, UUID> valueIds = new HashMap<>();
        return writes.options(tx, productId, valueIds).compose(options -> {
          List<JsonObject> problems = new ArrayList<>();
          ProductDraft.VariantDraft variant = ProductDraft.variant(input, options, "", problems);
          if (variant == null) {
            throw ProductDraft.invalid(problems);
          }
          return reads.currencyOf(tx, productId).compose(currency -> {
            if (input.currency() != null && !input.currency().equals(currency)) {
              throw ProductDraft.invalid(List.of(ProductDraft.problem("currency", "MIXED_CURRENCY", "the product is priced in " + currency)));
            }
            return writes.insertVariants(tx, productId, currency, List.of(variant), valueIds);
          });
        }).compose(ids -> writes.bumpVersion(tx, productId).compose(slug -> writes.variant(tx, ids.get(0)))
          .map(json -> new Written(productId, found.slug(), json)));
      }))
      .compose(written -> changes.changed("variant-added", productId, written.previousSlug()).map(written.body()));
  }

  public Future<JsonObject> updateVariant(UUID variantId, VariantPatch patch) {
    return db.write().withTransaction(tx -> writes.updateVariant(tx, variantId, patch).compose(productId -> {
        UUID owner = productId.orElseThrow(() -> ApiError.notFound("Variant"));
        return writes.bumpVersion(tx, owner).compose(slug -> writes.variant(tx, variantId)
          .map(json -> new Written(owner, slug, json)));
      }))
      .compose(written -> changes.changed("variant-updated", written.productId(), written.previousSlug())
        .map(written.body()));
  }

  /** The version an {@code If-Match} header names ({@code "3"} or {@code W/"3"}), or null without one. */
  public static Integer expectedVersion(String ifMatch) {
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

  private static void requireVersion(Integer expected, int current) {
    if (expected != null && expected != current) {
      throw new ApiError(412, "VERSION_MISMATCH", "The product changed since you read it; its version is now " + current,
        new JsonObject().put("version", current));
    }
  }
}
