package com.bazaar.order;

import com.bazaar.order.api.OrderEvents;
import com.bazaar.platform.events.EventType;

import java.util.EnumSet;
import java.util.Set;

/** An order's states and the only moves between them; each move has its event. */
enum OrderStatus {
  PENDING, PAID, SHIPPED, DELIVERED, CANCELLED;

  /** A cash-on-delivery order is never PAID by a provider: it ships unpaid and is collected when delivered. */
  Set<OrderStatus> next(boolean cashOnDelivery) {
    return switch (this) {
      case PENDING -> cashOnDelivery ? EnumSet.of(SHIPPED, CANCELLED) : EnumSet.of(PAID, CANCELLED);
      case PAID -> EnumSet.of(SHIPPED, CANCELLED);
      case SHIPPED -> EnumSet.of(DELIVERED, CANCELLED);
      case DELIVERED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
    };
  }

  /** The event that announces arriving in this state. */
  EventType event() {
    return switch (this) {
      case PENDING -> OrderEvents.CREATED;
      case PAID -> OrderEvents.PAID;
      case SHIPPED -> OrderEvents.SHIPPED;
      case DELIVERED -> OrderEvents.DELIVERED;
      case CANCELLED -> OrderEvents.CANCELLED;
    };
  }
}
