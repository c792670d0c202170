package com.bazaar.pricing;

import com.bazaar.platform.money.Money;
import com.bazaar.pricing.api.MarginVerdict;

/**
 * The margin rule of {@link MarginVerdict}, applied to a product's pricing: a seller price above the base price,
 * with at least the product's minimum margin, and at most {@code maxMarkupBps} above the base price.
 */
final class MarginCheck {
  private MarginCheck() {
  }

  static MarginVerdict of(PricingRow pricing, long sellerPrice, int maxMarkupBps) {
    long base = pricing.basePrice();
    Long minPrice = base + Math.max(1, ceilBps(base, pricing.minMarginBps() == null ? 0 : pricing.minMarginBps()));
    Long maxPrice = base == 0 ? null : base + base * maxMarkupBps / 10_000;
    Long margin = base == 0 ? null : Money.marginBps(sellerPrice, base);
    if (sellerPrice <= base) {
      return verdict(pricing, false, margin, "AT_OR_BELOW_BASE_PRICE", minPrice, maxPrice);
    }
    if (margin != null && pricing.minMarginBps() != null && margin < pricing.minMarginBps()) {
      return verdict(pricing, false, margin, "BELOW_MIN_MARGIN", minPrice, maxPrice);
    }
    if (maxPrice != null && sellerPrice > maxPrice) {
      return verdict(pricing, false, margin, "ABOVE_MAX_MARKUP", minPrice, maxPrice);
    }
    return verdict(pricing, true, margin, null, minPrice, maxPrice);
  }

  /** {@code ceil(amount x bps / 10000)} without overflow for any price Bazaar accepts. */
  private static long ceilBps(long amount, int bps) {
    return Math.floorDiv(Math.multiplyExact(amount, bps) + 9_999, 10_000);
  }

  private static MarginVerdict verdict(PricingRow pricing, boolean valid, Long marginBps, String reason, Long minPrice,
                                       Long maxPrice) {
    return new MarginVerdict(valid, marginBps, pricing.minMarginBps(), pricing.basePrice(), pricing.currency(), reason,
      minPrice, maxPrice, pricing.commissionRateBps());
  }
}
