package com.bazaar.pricing;

import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.money.Money;
import com.bazaar.pricing.api.CartItem;
import com.bazaar.pricing.api.CartQuote;
import com.bazaar.pricing.api.CartRequest;
import com.bazaar.pricing.api.MarginVerdict;
import com.bazaar.pricing.api.QuotedLine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The arithmetic of a cart, kept apart from I/O: every failing line is reported, not only the first. */
final class Cart {
  private Cart() {
  }

  static CartQuote price(CartRequest cart, Map<UUID, PricingRow> pricing, int maxMarkupBps) {
    List<QuotedLine> lines = new ArrayList<>();
    JsonArray problems = new JsonArray();
    String currency = null;
    long total = 0;
    long commission = 0;
    for (int i = 0; i < cart.items().size(); i++) {
      CartItem item = cart.items().get(i);
      PricingRow row = pricing.get(item.productId());
      if (row == null) {
        problems.add(problem(i, item.productId(), "UNKNOWN_PRODUCT", "the product has no pricing", null));
        continue;
      }
      if (!row.productActive()) {
        problems.add(problem(i, item.productId(), "PRODUCT_INACTIVE", "the product is no longer sold", null));
        continue;
      }
      Long sellerPrice = item.sellerPrice();
      if (sellerPrice != null) {
        MarginVerdict check = MarginCheck.of(row, sellerPrice, maxMarkupBps);
        if (!check.valid()) {
          problems.add(problem(i, item.productId(), check.reason(), "the seller price breaks the margin rule", check.marginBps()));
          continue;
        }
      }
      if (currency == null) {
        currency = row.currency();
      } else if (!currency.equals(row.currency())) {
        problems.add(problem(i, item.productId(), "MIXED_CURRENCY", "the cart mixes " + currency + " and " + row.currency(), null));
        continue;
      }
      long unitPrice = sellerPrice == null ? row.basePrice() : sellerPrice;
      long lineTotal = Money.times(unitPrice, item.quantity());
      long lineCommission = Money.share(lineTotal, row.commissionRateBps());
      total = Math.addExact(total, lineTotal);
      commission += lineCommission;
      lines.add(new QuotedLine(item.productId(), item.quantity(), row.basePrice(), unitPrice, sellerPrice, lineTotal,
        row.commissionRateBps(), lineCommission, row.currency()));
    }
    if (!problems.isEmpty()) {
      String first = problems.getJsonObject(0).getString("code");
      boolean alike = problems.stream().allMatch(p -> first.equals(((JsonObject) p).getString("code")));
      throw ApiError.unprocessable(alike && (first.equals("MIXED_CURRENCY") || first.equals("PRODUCT_INACTIVE"))
          ? first : "PRICING_FAILED",
        problems.size() + " of " + cart.items().size() + " items cannot be priced", new JsonObject().put("items", problems));
    }
    return new CartQuote(lines, total, commission, currency);
  }

  private static JsonObject problem(int index, UUID productId, String code, String problem, Long marginBps) {
    return new JsonObject().put("index", index).put("productId", productId.toString()).put("code", code)
      .put("problem", problem).put("marginBps", marginBps);
  }
}
