package com.bazaar.payment;

import com.bazaar.order.api.OrderClient;
import com.bazaar.order.api.OrderSnapshot;
import com.bazaar.payment.provider.PaymentProvider;
import com.bazaar.platform.Digests;
import com.bazaar.platform.auth.Ownership;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.db.PgErrors;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.error.ErrorMapper;
import com.bazaar.platform.json.JsonArrays;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * Starting a payment: the amount and currency come from the order over the bus, never from the request. Only the
 * buyer of a PENDING order may pay it, an order has at most one live payment (open or succeeded), and the
 * {@code Idempotency-Key} is kept with the payment, so a retry finds the first one.
 */
final class PaymentService {
  private final PaymentRepository payments;
  private final OrderClient orders;
  private final PaymentProvider provider;
  private final CashOnDelivery cashOnDelivery;

  PaymentService(PaymentRepository payments, OrderClient orders, PaymentProvider provider,
                 CashOnDelivery cashOnDelivery) {
    this.payments = payments;
    this.orders = orders;
    this.provider = provider;
    this.cashOnDelivery = cashOnDelivery;
  }

  Future<JsonObject> create(Principal caller, String key, UUID orderId, String method) {
    if (key == null || key.isBlank()) {
      return Future.failedFuture(ApiError.badRequest("IDEMPOTENCY_KEY_REQUIRED",
        "Starting a payment needs an Idempotency-Key header", null));
    }
    UUID userId = UUID.fromString(caller.userId());
    String hash = Digests.sha256Hex(orderId + "|" + method);
    return payments.byKey(userId, key).compose(existing -> existing != null ? replay(existing, hash).map(Payment::toJson)
      : payableOrder(userId, orderId).compose(order -> start(order, userId, method, key, hash)));
  }

  Future<JsonObject> get(Principal caller, UUID paymentId) {
    return payments.byId(paymentId).map(payment -> {
      if (payment == null || !Ownership.isOwnerOrAdmin(caller, payment.userId().toString())) {
        throw ApiError.notFound("payment");
      }
      return payment.toJson();
    });
  }

  /** Every attempt to pay the order, newest first, for its buyer or an ADMIN; anyone else's order, or none, is 404. */
  Future<JsonObject> forOrder(Principal caller, UUID orderId) {
    return orders.snapshot(orderId)
      .recover(e -> Future.failedFuture(ErrorMapper.map(e).status() == 404 ? ApiError.notFound("order") : e))
      .compose(order -> {
        if (!Ownership.isOwnerOrAdmin(caller, order.userId().toString())) {
          return Future.failedFuture(ApiError.notFound("order"));
        }
        return payments.forOrder(orderId).map(all -> new JsonObject().put("items",
          JsonArrays.of(all, Payment::toJson)));
      });
  }

  /** The caller's own PENDING order; anyone else's, or none, is 404. */
  private Future<OrderSnapshot> payableOrder(UUID userId, UUID orderId) {
    return orders.snapshot(orderId)
      .recover(e -> Future.failedFuture(ErrorMapper.map(e).status() == 404 ? ApiError.notFound("order") : e))
      .map(order -> {
        if (!order.userId().equals(userId)) {
          throw ApiError.notFound("order");
        }
        if (!"PENDING".equals(order.status())) {
          throw ApiError.conflict("ORDER_NOT_PAYABLE", "Only a PENDING order can be paid",
            new JsonObject().put("orderId", orderId.toString()).put("status", order.status()));
        }
        return order;
      });
  }

  private Future<JsonObject> start(OrderSnapshot order, UUID userId, String method, String key, String hash) {
    return payments.liveForOrder(order.orderId()).compose(live -> {
      if (live != null) {
        return Future.failedFuture(inProgress(live.id()));
      }
      boolean cod = CashOnDelivery.METHOD.equals(method);
      Future<String> providerOrder = cod ? Future.succeededFuture()
        : provider.createOrder(order.totalAmount(), order.currency(), order.number());
      return providerOrder
        .compose(providerOrderId -> payments.insert(UUID.randomUUID(), order.orderId(), userId, method,
          cod ? CashOnDelivery.PROVIDER : provider.name(), providerOrderId, order.totalAmount(), order.currency(),
          key, hash))
        .compose(this::confirmed)
        .map(Payment::toJson)
        .recover(failure -> {
          String constraint = PgErrors.uniqueViolation(failure).orElse("");
          if (constraint.equals("payments_idempotency")) {
            return payments.byKey(userId, key).compose(first -> replay(first, hash)).map(Payment::toJson);
          }
          if (constraint.equals("payments_one_live_per_order")) {
            return payments.liveForOrder(order.orderId()).compose(other -> Future.failedFuture(
              inProgress(other == null ? null : other.id())));
          }
          return Future.failedFuture(failure);
        });
    });
  }

  /** A retry finds the first payment; an open cash-on-delivery one is confirmed again, finishing a failed start. */
  private Future<Payment> replay(Payment existing, String hash) {
    if (!existing.requestHash().equals(hash)) {
      return Future.failedFuture(ApiError.unprocessable("IDEMPOTENCY_KEY_REUSED",
        "This Idempotency-Key was used for another payment", null));
    }
    return confirmed(existing);
  }

  private Future<Payment> confirmed(Payment payment) {
    return CashOnDelivery.METHOD.equals(payment.method()) && Payment.CREATED.equals(payment.status())
      ? cashOnDelivery.confirm(payment) : Future.succeededFuture(payment);
  }

  private static ApiError inProgress(UUID paymentId) {
    return ApiError.conflict("PAYMENT_EXISTS", "This order already has an open or successful payment",
      new JsonObject().put("paymentId", paymentId == null ? null : paymentId.toString()));
  }
}
