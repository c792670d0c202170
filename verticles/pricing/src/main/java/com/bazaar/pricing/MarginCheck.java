package com.bazaar.pricing;

import com.bazaar.platform.money.Money;
import io.vertx.core.json.JsonObject;

/**
 * Whether a seller price is a valid resale price: above the base price, with a margin
 * {@code (seller - base) x 10000 / base} (basis points, rounded down) of at least the product's minimum.
 */
record MarginCheck(boolean valid, Long marginBps, String reason) {

  static MarginCheck of(PricingRow pricing, long sellerPrice) {
    if (sellerPrice <= pricing.basePrice()) {
      return new MarginCheck(false, pricing.basePrice() == 0 ? null : Money.marginBps(sellerPrice, pricing.basePrice()),
        "AT_OR_BELOW_BASE_PRICE");
    }
    if (pricing.basePrice() == 0) {
      return new MarginCheck(true, null, null);
    }
    long margin = Money.marginBps(sellerPrice, pricing.basePrice());
    if (pricing.minMarginBps() != null && margin < pricing.minMarginBps()) {
      return new MarginCheck(false, margin, "BELOW_MIN_MARGIN");
    }
    return new MarginCheck(true, margin, null);
  }

  JsonObject toJson(PricingRow pricing) {
    return new JsonObject()
      .put("valid", valid)
      .put("marginBps", marginBps)
      .put("minMarginBps", pricing.minMarginBps())
      .put("basePrice", pricing.basePrice())
      .put("currency", pricing.currency())
      .put("reason", reason);
  }
}
