package com.bazaar.order;

import com.bazaar.order.api.OrderEvents;
import com.bazaar.platform.events.EventType;

import java.util.EnumSet;
import java.util.Set;

/** An order's states and the only moves between them; each move has its event. */
enum OrderStatus {
  PENDING, PAID, SHIPPED, DELIVERED, CANCELLED;

  Set<OrderStatus> next() {
    return switch (this) {
      case PENDING -> EnumSet.of(PAID, CANCELLED);
      case PAID -> EnumSet.of(SHIPPED, CANCELLED);
      case SHIPPED -> EnumSet.of(DELIVERED, CANCELLED);
      case DELIVERED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
    };
  }

  boolean canMoveTo(OrderStatus target) {
    return next().contains(target);
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
