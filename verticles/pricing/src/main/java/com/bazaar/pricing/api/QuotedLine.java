package com.bazaar.pricing.api;

import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** A priced cart line: the unit price charged (the seller's, or the base price), its total and its commission. */
public record QuotedLine(UUID productId, int quantity, long basePrice, long unitPrice, Long sellerPrice, long lineTotal,
                         int commissionRateBps, long commission, String currency) {

  public JsonObject toJson() {
    return new JsonObject()
      .put("productId", productId.toString())
      .put("quantity", quantity)
      .put("basePrice", basePrice)
      .put("unitPrice", unitPrice)
      .put("sellerPrice", sellerPrice)
      .put("lineTotal", lineTotal)
      .put("commissionRateBps", commissionRateBps)
      .put("commission", commission)
      .put("currency", currency);
  }

  public static QuotedLine fromJson(JsonObject json) {
    return new QuotedLine(java.util.UUID.fromString(json.getString("productId")), json.getInteger("quantity"),
      json.getLong("basePrice"), json.getLong("unitPrice"), json.getLong("sellerPrice"), json.getLong("lineTotal"),
      json.getInteger("commissionRateBps"), json.getLong("commission"), json.getString("currency"));
  }
}
