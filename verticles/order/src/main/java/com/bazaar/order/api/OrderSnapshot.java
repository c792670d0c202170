package com.bazaar.order.api;

import com.bazaar.platform.json.JsonArrays;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.UUID;

/**
 * What another service may know of an order: its amount, owner, seller and lines, for payments (the amount to
 * charge) and the wallet (the commission of each linked line). {@code sellerId} and {@code shareLinkId} are null for
 * a direct sale.
 */
public record OrderSnapshot(UUID orderId, String number, UUID userId, UUID sellerId, UUID shareLinkId, String status,
                            long totalAmount, long commissionAmount, String currency, UUID paymentId,
                            List<Line> lines) {

  /** One line: what was bought, at what unit price, and the commission it earns (0 for an unlinked line). */
  public record Line(UUID variantId, UUID productId, int quantity, long unitPrice, long lineTotal,
                     int commissionRateBps, long commission) {

    public JsonObject toJson() {
      return new JsonObject()
        .put("variantId", variantId.toString())
        .put("productId", productId.toString())
        .put("quantity", quantity)
        .put("unitPrice", unitPrice)
        .put("lineTotal", lineTotal)
        .put("commissionRateBps", commissionRateBps)
        .put("commission", commission);
    }

    public static Line fromJson(JsonObject json) {
      return new Line(UUID.fromString(json.getString("variantId")), UUID.fromString(json.getString("productId")),
        json.getInteger("quantity"), json.getLong("unitPrice"), json.getLong("lineTotal"),
        json.getInteger("commissionRateBps"), json.getLong("commission"));
    }
  }

  public JsonObject toJson() {
    return new JsonObject()
      .put("orderId", orderId.toString())
      .put("number", number)
      .put("userId", userId.toString())
      .put("sellerId", sellerId == null ? null : sellerId.toString())
      .put("shareLinkId", shareLinkId == null ? null : shareLinkId.toString())
      .put("status", status)
      .put("totalAmount", totalAmount)
      .put("commissionAmount", commissionAmount)
      .put("currency", currency)
      .put("paymentId", paymentId == null ? null : paymentId.toString())
      .put("lines", JsonArrays.of(lines, Line::toJson));
  }

  public static OrderSnapshot fromJson(JsonObject json) {
    return new OrderSnapshot(UUID.fromString(json.getString("orderId")), json.getString("number"),
      UUID.fromString(json.getString("userId")), uuid(json.getString("sellerId")), uuid(json.getString("shareLinkId")),
      json.getString("status"), json.getLong("totalAmount"), json.getLong("commissionAmount"),
      json.getString("currency"), uuid(json.getString("paymentId")), JsonArrays.decode(json.getJsonArray("lines"), Line::fromJson));
  }

  private static UUID uuid(String value) {
    return value == null ? null : UUID.fromString(value);
  }
}
