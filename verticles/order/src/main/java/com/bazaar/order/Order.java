package com.bazaar.order;

import com.bazaar.order.api.OrderSnapshot;
import com.bazaar.platform.json.IsoTime;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** An order's row. {@code sellerId}, {@code shareLinkId} and {@code shareLinkCode} are null for a direct sale. */
record Order(UUID id, String number, UUID userId, OrderStatus status, UUID sellerId, UUID shareLinkId,
             String shareLinkCode, String currency, long totalAmount, long commissionAmount, JsonObject shippingAddress,
             UUID paymentId, boolean cashOnDelivery, String requestHash, OffsetDateTime createdAt,
             OffsetDateTime updatedAt) {
  static final String COLUMNS = "id, number, user_id, status, seller_id, share_link_id, share_link_code, currency, "
    + "total_amount, commission_amount, shipping_address, payment_id, cash_on_delivery, request_hash, created_at, "
    + "updated_at";

  /** Who reads an order decides what of it they see: a buyer never sees the reseller's cut, nor a reseller the address. */
  enum Viewer {
    OWNER, SELLER, ADMIN
  }

  static Order from(Row row) {
    return new Order(row.getUUID("id"), row.getString("number"), row.getUUID("user_id"),
      OrderStatus.valueOf(row.getString("status")), row.getUUID("seller_id"), row.getUUID("share_link_id"),
      row.getString("share_link_code"), row.getString("currency"), row.getLong("total_amount"),
      row.getLong("commission_amount"), (JsonObject) row.getValue("shipping_address"), row.getUUID("payment_id"),
      row.getBoolean("cash_on_delivery"), row.getString("request_hash"), row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
  }

  Order withStatus(OrderStatus next, UUID payment, OffsetDateTime at) {
    return new Order(id, number, userId, next, sellerId, shareLinkId, shareLinkCode, currency, totalAmount,
      commissionAmount, shippingAddress, payment == null ? paymentId : payment, cashOnDelivery, requestHash,
      createdAt, at);
  }

  Order paidOnDelivery(UUID payment, OffsetDateTime at) {
    return new Order(id, number, userId, status, sellerId, shareLinkId, shareLinkCode, currency, totalAmount,
      commissionAmount, shippingAddress, payment, true, requestHash, createdAt, at);
  }

  /** Where this order may go next: a cash-on-delivery order ships unpaid. */
  Set<OrderStatus> next() {
    return status.next(cashOnDelivery);
  }

  boolean canMoveTo(OrderStatus target) {
    return next().contains(target);
  }

  /** The list entry: no lines, so that a page costs one query. */
  JsonObject summary(Viewer viewer) {
    JsonObject json = new JsonObject()
      .put("id", id.toString())
      .put("number", number)
      .put("status", status.name())
      .put("currency", currency)
      .put("totalAmount", totalAmount)
      .put("cashOnDelivery", cashOnDelivery)
      .put("shareLinkCode", shareLinkCode)
      .put("createdAt", IsoTime.format(createdAt))
      .put("updatedAt", IsoTime.format(updatedAt));
    if (viewer != Viewer.OWNER && sellerId != null) {
      json.put("commissionAmount", commissionAmount);
    }
    return json;
  }

  JsonObject detail(Viewer viewer, List<OrderItem> items, List<StatusChange> history) {
    boolean commission = viewer != Viewer.OWNER && sellerId != null;
    JsonObject json = summary(viewer)
      .put("userId", viewer == Viewer.SELLER ? null : userId.toString())
      .put("sellerId", sellerId == null ? null : sellerId.toString())
      .put("paymentId", paymentId == null ? null : paymentId.toString())
      .put("items", new io.vertx.core.json.JsonArray(items.stream().map(item -> item.toJson(commission)).toList()))
      .put("history", new io.vertx.core.json.JsonArray(history.stream().map(StatusChange::toJson).toList()));
    if (viewer != Viewer.SELLER) {
      json.put("shippingAddress", shippingAddress);
    }
    return json;
  }

  OrderSnapshot snapshot(List<OrderItem> items) {
    return new OrderSnapshot(id, number, userId, sellerId, shareLinkId, status.name(), totalAmount, commissionAmount,
      currency, paymentId, items.stream().map(OrderItem::line).toList());
  }
}
