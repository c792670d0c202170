package com.bazaar.payment.api;

import com.bazaar.platform.events.EventType;

/** The events the payment service publishes; their payloads are described in {@code conf/asyncapi.yaml}. */
public final class PaymentEvents {
  public static final EventType SUCCEEDED = EventType.of("payment.succeeded");
  public static final EventType FAILED = EventType.of("payment.failed");
  public static final EventType REFUNDED = EventType.of("payment.refunded");

  private PaymentEvents() {
  }
}
