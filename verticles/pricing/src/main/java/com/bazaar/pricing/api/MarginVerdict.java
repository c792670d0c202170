package com.bazaar.pricing.api;

import io.vertx.core.json.JsonObject;

/**
 * Whether a seller price is a valid resale price: above the base price, with a margin
 * {@code (seller - base) x 10000 / base} (basis points, rounded down) of at least the product's minimum, and at most
 * the markup cap above the base price. When it is not, {@code reason} says why: {@code AT_OR_BELOW_BASE_PRICE},
 * {@code BELOW_MIN_MARGIN} or {@code ABOVE_MAX_MARKUP}. {@code minPrice} and {@code maxPrice} are the lowest and
 * highest valid prices ({@code maxPrice} null when the base price is 0); {@code commissionRateBps} is the product's
 * commission rate.
 */
public record MarginVerdict(boolean valid, Long marginBps, Integer minMarginBps, long basePrice, String currency,
                            String reason, Long minPrice, Long maxPrice, int commissionRateBps) {

  public JsonObject toJson() {
    return new JsonObject()
      .put("valid", valid)
      .put("marginBps", marginBps)
      .put("minMarginBps", minMarginBps)
      .put("basePrice", basePrice)
      .put("currency", currency)
      .put("reason", reason)
      .put("minPrice", minPrice)
      .put("maxPrice", maxPrice)
      .put("commissionRateBps", commissionRateBps);
  }

  public static MarginVerdict fromJson(JsonObject json) {
    return new MarginVerdict(json.getBoolean("valid"), json.getLong("marginBps"), json.getInteger("minMarginBps"),
      json.getLong("basePrice"), json.getString("currency"), json.getString("reason"), json.getLong("minPrice"),
      json.getLong("maxPrice"), json.getInteger("commissionRateBps"));
  }
}
