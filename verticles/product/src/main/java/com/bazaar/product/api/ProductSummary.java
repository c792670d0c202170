package com.bazaar.product.api;

import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** A product as other services need it: whether it exists and sells, its currency and its price range. */
public record ProductSummary(UUID productId, String name, String slug, boolean active, String currency, Long minPrice,
                             Long maxPrice) {

  public JsonObject toJson() {
    return new JsonObject()
      .put("productId", productId.toString())
      .put("name", name)
      .put("slug", slug)
      .put("isActive", active)
      .put("currency", currency)
      .put("minPrice", minPrice)
      .put("maxPrice", maxPrice);
  }

  public static ProductSummary fromJson(JsonObject json) {
    return new ProductSummary(UUID.fromString(json.getString("productId")), json.getString("name"),
      json.getString("slug"), json.getBoolean("isActive"), json.getString("currency"), json.getLong("minPrice"),
      json.getLong("maxPrice"));
  }
}
