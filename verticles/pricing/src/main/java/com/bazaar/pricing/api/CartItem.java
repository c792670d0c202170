package com.bazaar.pricing.api;

import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** One line of a cart to price: a product, a quantity, and the reseller's own unit price when sold through a link. */
public record CartItem(UUID productId, int quantity, Long sellerPrice) {

  public JsonObject toJson() {
    return new JsonObject().put("productId", productId.toString()).put("quantity", quantity).put("sellerPrice", sellerPrice);
  }
}
