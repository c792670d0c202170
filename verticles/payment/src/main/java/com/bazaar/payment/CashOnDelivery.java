package com.bazaar.payment;

import com.bazaar.order.api.OrderClient;
import com.bazaar.platform.error.ErrorMapper;
import com.bazaar.platform.events.Outbox;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.util.UUID;

/**
 * Cash on delivery: no provider is asked. Starting one records a CREATED payment with no provider order and tells
 * the order service, which then lets the order ship unpaid and never expires it. The order's own events end it:
 * {@code order.delivered} collects it (SUCCEEDED, with {@code payment.succeeded} of cause
 * {@code collected_on_delivery} in the same transaction), and {@code order.cancelled} before that cancels it.
 */
final class CashOnDelivery {
  static final String METHOD = "COD";
  static final String PROVIDER = "cod";

  private final PaymentRepository payments;
  private final OrderClient orders;

  CashOnDelivery(PaymentRepository payments, OrderClient orders) {
    this.payments = payments;
    this.orders = orders;
  }

  /**
   * Tells the order service that {@code payment} pays its order on delivery; safe to repeat, so a retried request
   * finishes what a failed one began. An order that can no longer be paid cancels the payment, and the 409 stands.
   */
  Future<Payment> confirm(Payment payment) {
    return orders.chooseCashOnDelivery(payment.orderId(), payment.id()).map(payment)
      .recover(failure -> ErrorMapper.map(failure).status() != 409 ? Future.failedFuture(failure)
        : payments.db().write().withTransaction(tx -> payments.cancelCashOnDelivery(tx, payment.orderId(),
          "The order could no longer be paid on delivery")).compose(v -> Future.failedFuture(failure)));
  }

  /** {@code order} is the {@code order.delivered} payload: it names the seller and the commission. */
  Future<Void> collect(SqlConnection tx, JsonObject order) {
    return payments.collectCashOnDelivery(tx, UUID.fromString(order.getString("orderId")))
      .compose(collected -> collected == null ? Future.<Void>succeededFuture() : Outbox.append(tx,
        PaymentEventData.succeeded(collected, PaymentEventData.COLLECTED_ON_DELIVERY,
          order.getLong("commissionAmount", 0L), order.getString("sellerId"), order.getString("shareLinkId"))));
  }

  Future<Void> cancel(SqlConnection tx, UUID orderId, String reason) {
    return payments.cancelCashOnDelivery(tx, orderId, reason);
  }
}
