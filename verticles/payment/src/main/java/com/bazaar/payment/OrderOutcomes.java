package com.bazaar.payment;

import com.bazaar.platform.events.EventEnvelope;
import com.bazaar.platform.events.EventHandler;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.util.UUID;

/**
 * How an order's end settles its payment, through the platform's consumer and inbox (each event once, in the
 * inbox's transaction). {@code order.cancelled}: a captured payment gets a pending refund ({@link RefundWorker} asks
 * the provider), and an uncollected cash-on-delivery payment is cancelled. {@code order.delivered}: a
 * cash-on-delivery payment is collected. An order cancelled before its capture arrived is refunded from the webhook
 * instead (REFUND_DUE).
 */
final class OrderOutcomes implements EventHandler {
  static final String QUEUE = "payment.orders";
  // The order service's event names, spelled here like the other consumers of order events do.
  private static final String ORDER_CANCELLED = "order.cancelled";
  private static final String ORDER_DELIVERED = "order.delivered";

  private final RefundRepository refunds;
  private final CashOnDelivery cashOnDelivery;
  private final Runnable wakeRefunds;

  OrderOutcomes(RefundRepository refunds, CashOnDelivery cashOnDelivery, Runnable wakeRefunds) {
    this.refunds = refunds;
    this.cashOnDelivery = cashOnDelivery;
    this.wakeRefunds = wakeRefunds;
  }

  @Override
  public Future<Void> handle(SqlConnection tx, EventEnvelope event) {
    UUID orderId = UUID.fromString(event.data().getString("orderId"));
    if (ORDER_DELIVERED.equals(event.type())) {
      return cashOnDelivery.collect(tx, event.data());
    }
    if (!ORDER_CANCELLED.equals(event.type())) {
      return Future.succeededFuture();
    }
    String reason = "Order cancelled: " + event.data().getString("reason", "no reason given");
    return refunds.capturedForOrder(tx, orderId).compose(payment -> payment == null
      ? cashOnDelivery.cancel(tx, orderId, reason)
      : refunds.request(tx, payment, reason).onSuccess(v -> wakeRefunds.run()));
  }
}
