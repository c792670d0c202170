package com.bazaar.pricing.api;

import io.vertx.core.json.JsonObject;

/**
 * Whether a seller price is a valid resale price: above the base price, with a margin
 * {@code (seller - base) x 10000 / base} (basis points, rounded down) of at least the product's minimum. When it
 * is not, {@code reason} says why: {@code AT_OR_BELOW_BASE_PRICE} or {@code BELOW_MIN_MARGIN}.
 */
public record MarginVerdict(boolean valid, Long marginBps, Integer minMarginBps, long basePrice, String currency,
                            String reason) {

  public JsonObject toJson() {
    return new JsonObject()
      .put("valid", valid)
      .put("marginBps", marginBps)
      .put("minMarginBps", minMarginBps)
      .put("basePrice", basePrice)
      .put("currency", currency)
      .put("reason", reason);
  }

  public static MarginVerdict fromJson(JsonObject json) {
    return new MarginVerdict(json.getBoolean("valid"), json.getLong("marginBps"), json.getInteger("minMarginBps"),
      json.getLong("basePrice"), json.getString("currency"), json.getString("reason"));
  }
}
