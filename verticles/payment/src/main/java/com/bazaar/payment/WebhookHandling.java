package com.bazaar.payment;

import com.bazaar.order.api.OrderClient;
import com.bazaar.order.api.OrderSnapshot;
import com.bazaar.payment.provider.PaymentProvider;
import com.bazaar.payment.provider.ProviderEvent;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.error.ErrorMapper;
import com.bazaar.platform.events.EventEnvelope;
import com.bazaar.platform.events.Outbox;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider's webhook. The signature is checked on the exact bytes first (401, nothing changes, otherwise). A
 * capture marks the order PAID over the bus (idempotent per payment), then the payment's new state, the provider
 * event id (unique: a replay changes nothing) and {@code payment.succeeded} are written in one transaction. An
 * amount or currency that is not the payment's is recorded as MISMATCHED and never pays the order; a capture for an
 * order that can no longer be paid (cancelled first) is recorded as REFUND_DUE, with its refund requested in the
 * same transaction.
 */
final class WebhookHandling {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookHandling.class);

  private final PaymentRepository payments;
  private final OrderClient orders;
  private final PaymentProvider provider;
  private final RefundRepository refunds;
  private final Runnable refundRequested;

  WebhookHandling(PaymentRepository payments, OrderClient orders, PaymentProvider provider, RefundRepository refunds,
                  Runnable refundRequested) {
    this.payments = payments;
    this.orders = orders;
    this.provider = provider;
    this.refunds = refunds;
    this.refundRequested = refundRequested;
  }

  Future<JsonObject> handle(Buffer raw, String signature, String eventIdHeader) {
    if (!provider.webhooks().verifies(raw, signature)) {
      return Future.failedFuture(new ApiError(401, "INVALID_SIGNATURE", "The webhook signature does not verify", null));
    }
    ProviderEvent event;
    try {
      event = ProviderEvent.parse(new JsonObject(raw));
    } catch (DecodeException e) {
      event = null;
    }
    if (event == null || event.providerOrderId() == null) {
      LOG.warn("A signed webhook that is not a payment event was refused ({} bytes)", raw.length());
      return Future.failedFuture(ApiError.badRequest("MALFORMED_WEBHOOK", "The webhook is not a payment event", null));
    }
    return apply(event, eventIdHeader != null ? eventIdHeader : event.providerPaymentId() + ":" + event.type());
  }

  /**
   * A provider event that is known to be genuine (a verified webhook, or the provider's own answer when asked),
   * applied once per {@code eventId}.
   */
  Future<JsonObject> apply(ProviderEvent received, String eventId) {
    return payments.byProviderOrder(received.providerOrderId()).compose(payment -> {
      if (payment == null || !(received.captured() || received.failed())) {
        return Future.succeededFuture(answer("ignored", null));
      }
      if (received.failed()) {
        return settle(payment, eventId, received, Payment.FAILED, received.failure(), null);
      }
      if (received.amount() != payment.amount() || !payment.currency().equals(received.currency())) {
        return settle(payment, eventId, received, Payment.MISMATCHED, "Captured " + received.amount() + " "
          + received.currency() + " for a payment of " + payment.amount() + " " + payment.currency(), null);
      }
      return orders.markPaid(payment.orderId(), payment.id())
        .compose(order -> settle(payment, eventId, received, Payment.SUCCEEDED, null, order))
        .recover(failure -> ErrorMapper.map(failure).status() == 409
          ? settle(payment, eventId, received, Payment.REFUND_DUE, "The order could no longer be paid", null)
          : Future.failedFuture(failure));
    });
  }

  private Future<JsonObject> settle(Payment payment, String eventId, ProviderEvent received, String status,
                                    String reason, OrderSnapshot order) {
    return payments.db().write().withTransaction(tx -> payments.claimEvent(tx, eventId, payment.id(), received.type())
      .compose(first -> {
        if (!first) {
          return Future.succeededFuture(answer("duplicate", payment));
        }
        return payments.settle(tx, payment.id(), status, received.providerPaymentId(), reason).compose(settled -> {
          if (settled == null) {
            return Future.succeededFuture(answer("unchanged", payment));
          }
          if (Payment.REFUND_DUE.equals(settled.status())) {
            return refunds.request(tx, settled, "Captured after the order was cancelled")
              .onSuccess(v -> refundRequested.run()).map(answer("applied", settled));
          }
          EventEnvelope outcome = event(settled, order);
          return (outcome == null ? Future.<Void>succeededFuture() : Outbox.append(tx, outcome))
            .map(answer("applied", settled));
        });
      }));
  }

  private static EventEnvelope event(Payment payment, OrderSnapshot order) {
    if (Payment.SUCCEEDED.equals(payment.status())) {
      return PaymentEventData.succeeded(payment, PaymentEventData.CAPTURED, order.commissionAmount(),
        order.sellerId() == null ? null : order.sellerId().toString(),
        order.shareLinkId() == null ? null : order.shareLinkId().toString());
    }
    return Payment.FAILED.equals(payment.status()) ? PaymentEventData.failed(payment) : null;
  }

  private static JsonObject answer(String outcome, Payment payment) {
    return new JsonObject().put("outcome", outcome).put("paymentId", payment == null ? null : payment.id().toString())
      .put("status", payment == null ? null : payment.status());
  }
}
