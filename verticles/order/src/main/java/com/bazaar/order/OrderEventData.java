package com.bazaar.order;

import com.bazaar.order.api.OrderEvents;
import com.bazaar.platform.events.EventEnvelope;
import com.bazaar.platform.json.IsoTime;
import com.bazaar.platform.json.JsonArrays;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Objects;

/** The payloads of the order events, as {@code conf/asyncapi.yaml} describes them. */
final class OrderEventData {
  private OrderEventData() {
  }

  static EventEnvelope created(Order order, List<OrderItem> items) {
    return EventEnvelope.of(OrderEvents.CREATED, withoutNulls(reference(order)
      .put("status", order.status().name())
      .put("items", JsonArrays.of(items, item -> item.line().toJson()))
      .put("createdAt", IsoTime.format(order.createdAt()))));
  }

  /** {@code order} is the order after the change; {@code reason} is the notes, or why the system made it. */
  static EventEnvelope changed(Order order, OrderStatus from, String actor, String reason) {
    JsonObject data = reference(order)
      .put("fromStatus", from.name())
      .put("status", order.status().name())
      .put("actor", actor)
      .put("paymentId", order.paymentId() == null ? null : order.paymentId().toString())
      .put("changedAt", IsoTime.format(order.updatedAt()))
      .put("reason", reason);
    return EventEnvelope.of(order.status().event(), withoutNulls(data));
  }

  /** A direct sale has no seller or link: those keys are left out rather than sent as null. */
  private static JsonObject withoutNulls(JsonObject data) {
    data.getMap().values().removeIf(Objects::isNull);
    return data;
  }

  private static JsonObject reference(Order order) {
    return new JsonObject()
      .put("orderId", order.id().toString())
      .put("orderNumber", order.number())
      .put("userId", order.userId().toString())
      .put("sellerId", order.sellerId() == null ? null : order.sellerId().toString())
      .put("shareLinkId", order.shareLinkId() == null ? null : order.shareLinkId().toString())
      .put("shareLinkCode", order.shareLinkCode())
      .put("totalAmount", order.totalAmount())
      .put("commissionAmount", order.commissionAmount())
      .put("currency", order.currency())
      .put("cashOnDelivery", order.cashOnDelivery());
  }
}
