package com.bazaar.sharelink.api;

import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * What an order placed through a link sells at, and who earns from it: the link, its reseller, the seller price
 * (checked against the margin rules again at the time of asking) and the commission rate in basis points.
 */
public record LinkTerms(UUID linkId, String code, UUID sellerId, UUID productId, long sellerPrice, String currency,
                        int commissionRateBps) {

  public JsonObject toJson() {
    return new JsonObject()
      .put("linkId", linkId.toString())
      .put("code", code)
      .put("sellerId", sellerId.toString())
      .put("productId", productId.toString())
      .put("sellerPrice", sellerPrice)
      .put("currency", currency)
      .put("commissionRateBps", commissionRateBps);
  }

  public static LinkTerms fromJson(JsonObject json) {
    return new LinkTerms(UUID.fromString(json.getString("linkId")), json.getString("code"),
      UUID.fromString(json.getString("sellerId")), UUID.fromString(json.getString("productId")),
      json.getLong("sellerPrice"), json.getString("currency"), json.getInteger("commissionRateBps"));
  }
}
