package com.bazaar.product.catalog;

import io.vertx.core.json.JsonObject;

/**
 * A variant PATCH: null leaves a field as it is. Stock changes by a delta ({@code stockDelta}: a restock or a
 * write-off), added in the row's own update, so it can never overwrite stock that orders reserved meanwhile; an
 * absolute stock could.
 */
public record VariantPatch(Long price, Integer stockDelta, Boolean active) {

  public static VariantPatch fromJson(JsonObject body) {
    return new VariantPatch(body.getLong("price"), body.getInteger("stockDelta"), body.getBoolean("isActive"));
  }
}
