package com.bazaar.pricing;

import com.bazaar.platform.money.Money;
import com.bazaar.pricing.api.MarginVerdict;

/** The margin rule of {@link MarginVerdict}, applied to a product's pricing. */
final class MarginCheck {
  private MarginCheck() {
  }

  static MarginVerdict of(PricingRow pricing, long sellerPrice) {
    if (sellerPrice <= pricing.basePrice()) {
      return verdict(pricing, false, pricing.basePrice() == 0 ? null : Money.marginBps(sellerPrice, pricing.basePrice()),
        "AT_OR_BELOW_BASE_PRICE");
    }
    if (pricing.basePrice() == 0) {
      return verdict(pricing, true, null, null);
    }
    long margin = Money.marginBps(sellerPrice, pricing.basePrice());
    if (pricing.minMarginBps() != null && margin < pricing.minMarginBps()) {
      return verdict(pricing, false, margin, "BELOW_MIN_MARGIN");
    }
    return verdict(pricing, true, margin, null);
  }

  private static MarginVerdict verdict(PricingRow pricing, boolean valid, Long marginBps, String reason) {
    return new MarginVerdict(valid, marginBps, pricing.minMarginBps(), pricing.basePrice(), pricing.currency(), reason);
  }
}
