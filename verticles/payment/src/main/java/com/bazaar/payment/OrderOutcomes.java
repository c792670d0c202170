package com.bazaar.payment;

import com.bazaar.platform.events.EventEnvelope;
import com.bazaar.platform.events.EventHandler;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.util.UUID;

/**
 * Cancelling a paid order refunds it: {@code order.cancelled} (through the platform's consumer and inbox) turns the
 * order's captured payment into a pending refund, in the inbox's transaction; {@link RefundWorker} asks the
 * provider. An order cancelled before its capture arrived is refunded from the webhook instead (REFUND_DUE).
 */
final class RefundOnCancel implements EventHandler {
  static final String QUEUE = "payment.refunds";
  // The order service's event name, spelled here like the other consumers of order events do.
  private static final String ORDER_CANCELLED = "order.cancelled";

  private final RefundRepository refunds;
  private final Runnable wake;

  RefundOnCancel(RefundRepository refunds, Runnable wake) {
    this.refunds = refunds;
    this.wake = wake;
  }

  @Override
  public Future<Void> handle(SqlConnection tx, EventEnvelope event) {
    if (!ORDER_CANCELLED.equals(event.type())) {
      return Future.succeededFuture();
    }
    UUID orderId = UUID.fromString(event.data().getString("orderId"));
    return refunds.capturedForOrder(tx, orderId).compose(payment -> payment == null ? Future.<Void>succeededFuture()
      : refunds.request(tx, payment, "Order cancelled: " + event.data().getString("reason", "no reason given"))
        .onSuccess(v -> wake.run()));
  }
}
