package com.bazaar.payment;

import com.bazaar.payment.api.PaymentEvents;
import com.bazaar.platform.events.EventEnvelope;
import io.vertx.core.json.JsonObject;

/** The payloads of the payment events, as {@code conf/asyncapi.yaml} describes them. */
final class PaymentEventData {
  /** The provider took the money. */
  static final String CAPTURED = "captured";
  /** The cash was collected when the order was delivered: {@code order.delivered} came first. */
  static final String COLLECTED_ON_DELIVERY = "collected_on_delivery";

  private PaymentEventData() {
  }

  /** {@code sellerId} and {@code shareLinkId} are null for a direct sale, and then left out. */
  static EventEnvelope succeeded(Payment payment, String cause, long commissionAmount, String sellerId,
                                 String shareLinkId) {
    JsonObject data = reference(payment)
      .put("amount", payment.amount())
      .put("currency", payment.currency())
      .put("method", payment.method())
      .put("provider", payment.provider())
      .put("cause", cause)
      .put("commissionAmount", commissionAmount);
    if (sellerId != null) {
      data.put("sellerId", sellerId).put("shareLinkId", shareLinkId);
    }
    return EventEnvelope.of(PaymentEvents.SUCCEEDED, data);
  }

  static EventEnvelope failed(Payment payment) {
    return EventEnvelope.of(PaymentEvents.FAILED, reference(payment)
      .put("reason", payment.failureReason() == null ? "declined" : payment.failureReason()));
  }

  static EventEnvelope refunded(Payment payment, RefundRepository.Pending refund, String providerRefundId) {
    return EventEnvelope.of(PaymentEvents.REFUNDED, reference(payment)
      .put("refundId", refund.refundId().toString())
      .put("providerRefundId", providerRefundId)
      .put("amount", refund.amount())
      .put("currency", refund.currency())
      .put("reason", refund.reason()));
  }

  private static JsonObject reference(Payment payment) {
    return new JsonObject()
      .put("paymentId", payment.id().toString())
      .put("orderId", payment.orderId().toString())
      .put("userId", payment.userId().toString());
  }
}
