package com.bazaar.product.catalog;

import io.vertx.core.json.JsonObject;

/** A variant PATCH: null leaves a field as it is. */
public record VariantPatch(Long price, Integer stock, Boolean active) {

  public static VariantPatch fromJson(JsonObject body) {
    return new VariantPatch(body.getLong("price"), body.getInteger("stock"), body.getBoolean("isActive"));
  }
}
