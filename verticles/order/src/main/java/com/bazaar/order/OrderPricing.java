package com.bazaar.order;

import com.bazaar.order.api.OrderSnapshot.Line;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.money.Money;
import com.bazaar.product.api.VariantSnapshot;
import com.bazaar.sharelink.api.LinkTerms;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prices a checkout from the server's own figures only: each variant's catalog price, or for the linked product the
 * link's seller price, whose commission is {@code lineTotal x rate} rounded half-even (the pricing rules). Refusals
 * name the line index as {@code line} in the details.
 */
final class OrderPricing {
  private OrderPricing() {
  }

  static PricedOrder price(OrderDraft draft, Map<java.util.UUID, VariantSnapshot> variants, LinkTerms link) {
    List<OrderItem> items = new ArrayList<>(draft.items().size());
    String currency = null;
    long total = 0;
    long commission = 0;
    boolean linkUsed = false;
    for (int index = 0; index < draft.items().size(); index++) {
      OrderDraft.Item item = draft.items().get(index);
      VariantSnapshot variant = variants.get(item.variantId());
      if (variant == null) {
        throw ApiError.unprocessable("UNKNOWN_VARIANT", "No variant has this id", line(index, item));
      }
      if (!variant.active()) {
        throw ApiError.unprocessable("VARIANT_UNAVAILABLE", "This variant is not for sale", line(index, item));
      }
      boolean linked = link != null && link.productId().equals(variant.productId());
      long unitPrice = linked ? link.sellerPrice() : variant.price();
      String lineCurrency = linked ? link.currency() : variant.currency();
      if (currency != null && !currency.equals(lineCurrency)) {
        throw ApiError.unprocessable("MIXED_CURRENCY", "Every line of an order must be in one currency",
          line(index, item).put("currency", lineCurrency).put("orderCurrency", currency));
      }
      currency = lineCurrency;
      long lineTotal = Money.times(unitPrice, item.quantity());
      int rate = linked ? link.commissionRateBps() : 0;
      long lineCommission = linked ? Money.share(lineTotal, rate) : 0;
      total = add(total, lineTotal);
      commission = add(commission, lineCommission);
      linkUsed |= linked;
      items.add(new OrderItem(new Line(item.variantId(), variant.productId(), item.quantity(), unitPrice, lineTotal,
        rate, lineCommission), variant.productName(), variant.sku()));
    }
    if (link != null && !linkUsed) {
      throw ApiError.unprocessable("LINK_NOT_FOR_ITEMS", "The share link is for a product that is not in this order",
        new JsonObject().put("shareLinkCode", link.code()).put("productId", link.productId().toString()));
    }
    return new PricedOrder(List.copyOf(items), total, commission, currency,
      link == null ? null : link.sellerId(), link == null ? null : link.linkId(), link == null ? null : link.code());
  }

  private static JsonObject line(int index, OrderDraft.Item item) {
    return new JsonObject().put("line", index).put("variantId", item.variantId().toString());
  }

  private static long add(long a, long b) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException e) {
      throw ApiError.badRequest("AMOUNT_TOO_LARGE", "The order total is too large", null);
    }
  }
}
