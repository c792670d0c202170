package com.bazaar.order.api;

import com.bazaar.platform.events.EventType;

/** The events the order service publishes; their payloads are described in {@code conf/asyncapi.yaml}. */
public final class OrderEvents {
  public static final EventType CREATED = EventType.of("order.created");
  public static final EventType PAID = EventType.of("order.paid");
  public static final EventType SHIPPED = EventType.of("order.shipped");
  public static final EventType DELIVERED = EventType.of("order.delivered");
  public static final EventType CANCELLED = EventType.of("order.cancelled");

  private OrderEvents() {
  }
}
