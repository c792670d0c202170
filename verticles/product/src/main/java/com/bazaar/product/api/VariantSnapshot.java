package com.bazaar.product.api;

import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** What another service may know of a variant at a point in time: enough to price and reserve it. */
public record VariantSnapshot(UUID variantId, UUID productId, String productName, String sku, long price,
                              String currency, boolean active, int stock) {

  public JsonObject toJson() {
    return new JsonObject()
      .put("variantId", variantId.toString())
      .put("productId", productId.toString())
      .put("productName", productName)
      .put("sku", sku)
      .put("price", price)
      .put("currency", currency)
      .put("isActive", active)
      .put("stock", stock);
  }

  public static VariantSnapshot fromJson(JsonObject json) {
    return new VariantSnapshot(UUID.fromString(json.getString("variantId")), UUID.fromString(json.getString("productId")),
      json.getString("productName"), json.getString("sku"), json.getLong("price"), json.getString("currency"),
      json.getBoolean("isActive"), json.getInteger("stock"));
  }
}
