package com.bazaar.order;

import com.bazaar.product.api.StockLine;

import java.util.List;
import java.util.UUID;

/** An order priced by the server: its items, totals and, for a sale through a link, the link and its reseller. */
record PricedOrder(List<OrderItem> items, long totalAmount, long commissionAmount, String currency, UUID sellerId,
                   UUID shareLinkId, String shareLinkCode) {

  List<StockLine> stockLines() {
    return items.stream().map(item -> new StockLine(item.line().variantId(), item.line().quantity())).toList();
  }
}
