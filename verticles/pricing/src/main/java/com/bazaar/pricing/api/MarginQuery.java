package com.bazaar.pricing.api;

import com.bazaar.platform.Ids;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** Is this a valid resale price for the product? {@code {"productId","sellerPrice"}}. */
public record MarginQuery(UUID productId, long sellerPrice) {

  public JsonObject toJson() {
    return new JsonObject().put("productId", productId.toString()).put("sellerPrice", sellerPrice);
  }

  public static MarginQuery fromJson(JsonObject json) {
    return new MarginQuery(Ids.parse(json.getString("productId"), "productId"), json.getLong("sellerPrice"));
  }
}
