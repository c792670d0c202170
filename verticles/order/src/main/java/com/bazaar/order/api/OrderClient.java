package com.bazaar.order.api;

import com.bazaar.platform.bus.BusClient;
import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.bus.Principal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** How payments and the wallet read an order and how payments mark it paid: over the bus, with a timeout and a breaker. */
public final class OrderClient {
  private final BusClient bus;
  private final Principal caller;

  public OrderClient(BusClient bus, Principal caller) {
    this.bus = bus;
    this.caller = caller;
  }

  /** The order; 404 when there is none. Services only. */
  public Future<OrderSnapshot> snapshot(UUID orderId) {
    return bus.call(OrderAddresses.SNAPSHOT, BusRequest.of(new JsonObject().put("orderId", orderId.toString()), caller),
      OrderSnapshot::fromJson);
  }

  /**
   * Marks the order PAID by {@code paymentId}, with its {@code order.paid} event. Idempotent: an order already paid by
   * this payment answers as it is. 409 {@code INVALID_TRANSITION} when the order is not PENDING (cancelled, or paid by
   * another payment); 403 unless the caller is the payment service.
   */
  public Future<OrderSnapshot> markPaid(UUID orderId, UUID paymentId) {
    JsonObject body = new JsonObject().put("orderId", orderId.toString()).put("paymentId", paymentId.toString());
    return bus.call(OrderAddresses.MARK_PAID, BusRequest.of(body, caller), OrderSnapshot::fromJson);
  }

  /**
   * Makes the PENDING order cash on delivery, paid by {@code paymentId}: it may then ship unpaid, and is never
   * expired for want of payment. Idempotent for the same payment; 409 {@code ORDER_NOT_PAYABLE} when the order is not
   * PENDING or is already paid on delivery by another payment; 403 unless the caller is the payment service.
   */
  public Future<OrderSnapshot> chooseCashOnDelivery(UUID orderId, UUID paymentId) {
    JsonObject body = new JsonObject().put("orderId", orderId.toString()).put("paymentId", paymentId.toString());
    return bus.call(OrderAddresses.CASH_ON_DELIVERY, BusRequest.of(body, caller), OrderSnapshot::fromJson);
  }
}
