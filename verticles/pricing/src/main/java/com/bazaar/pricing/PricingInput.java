package com.bazaar.pricing;

import com.bazaar.platform.error.ApiError;
import io.vertx.core.json.JsonObject;

/** The body of a pricing PUT, as the contract validated it; {@code currency} null means the product's. */
record PricingInput(long basePrice, long resellerPrice, String currency, int commissionRateBps, Integer minMarginBps) {

  PricingInput {
    if (resellerPrice < basePrice) {
      throw ApiError.unprocessable("INVALID_RESELLER_PRICE", "resellerPrice must not be below basePrice", null);
    }
  }

  static PricingInput fromJson(JsonObject body) {
    return new PricingInput(body.getLong("basePrice"), body.getLong("resellerPrice"), body.getString("currency"),
      body.getInteger("commissionRateBps"), body.getInteger("minMarginBps"));
  }
}
