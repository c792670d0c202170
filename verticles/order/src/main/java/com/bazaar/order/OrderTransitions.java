package com.bazaar.order;

import com.bazaar.order.api.OrderSnapshot;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.events.Outbox;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Moves orders through their states. Each move locks the order's row, checks the move against the machine (409
 * {@code INVALID_TRANSITION} otherwise), and writes the new state, its history row and its event in one transaction.
 * A buyer may cancel their own PENDING order; every other move by a person is an ADMIN's; PAID is set only by the
 * payment service, over the bus. Stock comes back from {@code order.cancelled}: the product service releases the
 * order's reservation when the event reaches it, so a committed cancellation can never keep its stock.
 */
final class OrderTransitions {
  static final String PAYMENT_SERVICE = Principal.service("payment").userId();

  private final OrderRepository orders;

  OrderTransitions(OrderRepository orders) {
    this.orders = orders;
  }

  /** A person's move: {@code to} is SHIPPED, DELIVERED or CANCELLED (the contract admits no other). */
  Future<JsonObject> change(Principal caller, UUID orderId, OrderStatus to, String notes) {
    return orders.db().write().withTransaction(tx -> orders.lock(tx, orderId).compose(order -> {
      if (order == null || !caller.isAdmin() && !order.userId().toString().equals(caller.userId())) {
        return Future.failedFuture(ApiError.notFound("order"));
      }
      if (!caller.isAdmin() && !(order.status() == OrderStatus.PENDING && to == OrderStatus.CANCELLED)) {
        return Future.failedFuture(ApiError.forbidden("A customer may only cancel their own order while it is unpaid"));
      }
      String reason = notes != null ? notes : caller.isAdmin() ? "Cancelled by an admin" : "Cancelled by the customer";
      return move(tx, order, to, null, caller.userId(), notes, to == OrderStatus.CANCELLED ? reason : notes);
    })).compose(order -> orders.items(orderId).compose(items -> orders.recentHistory(orderId,
      OrderReads.RECENT_HISTORY).map(history -> order.detail(caller.isAdmin() ? Order.Viewer.ADMIN
      : Order.Viewer.OWNER, items, history))));
  }

  /**
   * PENDING to PAID by {@code paymentId}, for the payment service. Idempotent: the same payment again answers the
   * order as it is; any other state is 409.
   */
  Future<OrderSnapshot> markPaid(Principal caller, UUID orderId, UUID paymentId) {
    return byPaymentService(caller, orderId, (tx, order) -> order.status() != OrderStatus.PENDING
      && paymentId.equals(order.paymentId()) ? Future.succeededFuture(order)
      : move(tx, order, OrderStatus.PAID, paymentId, caller.userId(), null, null));
  }

  /**
   * Makes a PENDING order cash on delivery, paid by {@code paymentId} when it is delivered; for the payment service.
   * Idempotent for the same payment; 409 when the order is no longer PENDING or is already being paid otherwise.
   */
  Future<OrderSnapshot> chooseCashOnDelivery(Principal caller, UUID orderId, UUID paymentId) {
    return byPaymentService(caller, orderId, (tx, order) -> {
      if (order.cashOnDelivery() && paymentId.equals(order.paymentId())) {
        return Future.succeededFuture(order);
      }
      if (order.status() != OrderStatus.PENDING || order.cashOnDelivery()) {
        return Future.failedFuture(ApiError.conflict("ORDER_NOT_PAYABLE", "Only a PENDING order that is not yet "
          + "being paid can be paid on delivery", new JsonObject().put("orderId", orderId.toString())
          .put("status", order.status().name())));
      }
      return orders.chooseCashOnDelivery(tx, orderId, paymentId, caller.userId())
        .map(at -> order.paidOnDelivery(paymentId, at));
    });
  }

  /** A change only the payment service may ask for, made under the order's row lock; 404 when there is no order. */
  private Future<OrderSnapshot> byPaymentService(Principal caller, UUID orderId,
                                                 BiFunction<SqlConnection, Order, Future<Order>> change) {
    if (!PAYMENT_SERVICE.equals(caller.userId())) {
      return Future.failedFuture(ApiError.forbidden("Only the payment service says how an order is paid"));
    }
    return orders.db().write().withTransaction(tx -> orders.lock(tx, orderId).compose(order -> order == null
      ? Future.<Order>failedFuture(ApiError.notFound("order")) : change.apply(tx, order)))
      .compose(order -> orders.items(orderId).map(order::snapshot));
  }

  /** Cancels up to a batch of unpaid orders past the payment window; safe beside other sweepers (SKIP LOCKED). */
  Future<Integer> expireUnpaid(int windowMin, int batch) {
    String actor = Principal.service("order").userId();
    return orders.db().write().withTransaction(tx -> orders.lockExpired(tx, windowMin, batch).compose(expired -> {
      Future<Order> chain = Future.succeededFuture();
      for (Order order : expired) {
        String why = "Not paid within " + windowMin + " minutes";
        chain = chain.compose(v -> move(tx, order, OrderStatus.CANCELLED, null, actor, why, why));
      }
      return chain.map(expired.size());
    }));
  }

  /** {@code notes} go into the history; {@code reason} into the event (a cancellation always has one). */
  private Future<Order> move(SqlConnection tx, Order order, OrderStatus to, UUID paymentId, String actor,
                             String notes, String reason) {
    if (!order.canMoveTo(to)) {
      return Future.failedFuture(ApiError.conflict("INVALID_TRANSITION", "An order cannot move from "
        + order.status() + " to " + to, new JsonObject().put("from", order.status().name()).put("to", to.name())
        .put("allowed", new JsonArray(order.next().stream().map(Enum::name).toList()))));
    }
    return orders.move(tx, order, to, paymentId, actor, notes).compose(at -> {
      Order moved = order.withStatus(to, paymentId, at);
      return Outbox.append(tx, OrderEventData.changed(moved, order.status(), actor, reason)).map(moved);
    });
  }
}
