package com.bazaar.notification;

import com.bazaar.platform.events.EventEnvelope;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Who an event concerns and what it tells them. The customer hears of every change of their order and of a failed
 * payment; the reseller of a sale through their link (its payment, whether captured or collected on delivery), of
 * their commission pending and available, and of their payouts. Event names are spelled here, as every consumer
 * of another service's events does; EventCatalogueTest checks them against {@code conf/asyncapi.yaml}.
 */
final class Notices {
  private Notices() {
  }

  static List<Notice> of(EventEnvelope event) {
    JsonObject data = event.data();
    List<Notice> notices = new ArrayList<>();
    String type = event.type();
    if (type.startsWith("order.")) {
      String status = type.substring("order.".length());
      String number = data.getString("orderNumber");
      notices.add(notice(data.getString("userId"), "Order " + number + " " + status,
        orderLine(status, number, data), reference(data, "orderId")));
    } else if (type.equals("payment.failed")) {
      notices.add(notice(data.getString("userId"), "Payment failed", "Your payment did not go through: "
        + data.getString("reason", "declined") + ". You can try again.", reference(data, "orderId", "paymentId")));
    } else if (type.equals("payment.succeeded") && data.getString("sellerId") != null) {
      notices.add(notice(data.getString("sellerId"), "New sale through your link", "An order through your link was "
        + "paid: " + money(data.getLong("amount", 0L), data) + ", your commission " + money(data.getLong(
        "commissionAmount", 0L), data) + ".", reference(data, "orderId")));
    } else if (type.startsWith("wallet.commission.")) {
      boolean available = type.endsWith(".available");
      notices.add(notice(data.getString("resellerId"), available ? "Commission available" : "Commission pending",
        money(data.getLong("amount", 0L), data) + (available ? " can now be paid out." : " will be available once "
          + "the order is delivered."), reference(data, "orderId", "transferId")));
    } else if (type.startsWith("wallet.payout.")) {
      String status = data.getString("status", "").toLowerCase(Locale.ROOT);
      notices.add(notice(data.getString("resellerId"), "Payout " + status, "Your payout of " + money(data.getLong(
        "amount", 0L), data) + " is " + status + ".", reference(data, "payoutId")));
    }
    notices.removeIf(notice -> notice.userId() == null);
    return notices;
  }

  private static String orderLine(String status, String number, JsonObject data) {
    return switch (status) {
      case "created" -> "We have your order " + number + " for " + money(data.getLong("totalAmount", 0L), data) + ".";
      case "cancelled" -> "Your order " + number + " was cancelled: " + data.getString("reason", "no reason given")
        + ".";
      default -> "Your order " + number + " is now " + status + ".";
    };
  }

  private static Notice notice(String userId, String title, String body, JsonObject data) {
    return new Notice(userId == null ? null : UUID.fromString(userId), title, body, data);
  }

  private static JsonObject reference(JsonObject data, String... keys) {
    JsonObject out = new JsonObject();
    for (String key : keys) {
      if (data.getString(key) != null) {
        out.put(key, data.getString(key));
      }
    }
    return out;
  }

  /** Minor units as major with two decimals and the currency: 48000 INR is "480.00 INR". */
  static String money(long minor, JsonObject data) {
    return String.format(Locale.ROOT, "%d.%02d %s", minor / 100, Math.abs(minor % 100), data.getString("currency",
      "INR"));
  }
}
