package com.bazaar.notification.webhook;

import com.bazaar.platform.events.EventEnvelope;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.UUID;

/**
 * The events a reseller can subscribe their webhook to, and what it receives: the order events of orders through
 * their links, the payment of such a sale, their commission, and their payouts. The body is the Standard Webhooks
 * shape, {@code {type, timestamp, data}}, where data is the event's own, less the customer's user id.
 */
public final class WebhookEvents {
  public static final List<String> TYPES = List.of("order.created", "order.paid", "order.shipped",
    "order.delivered", "order.cancelled", "payment.succeeded", "wallet.commission.pending",
    "wallet.commission.available", "wallet.payout.requested", "wallet.payout.processed");

  private WebhookEvents() {
  }

  /** The reseller the event is for, or null when it is for none or not a webhook event. */
  public static UUID reseller(EventEnvelope event) {
    if (!TYPES.contains(event.type())) {
      return null;
    }
    JsonObject data = event.data();
    String id = event.type().startsWith("wallet.") ? data.getString("resellerId") : data.getString("sellerId");
    return id == null ? null : UUID.fromString(id);
  }

  public static JsonObject payload(EventEnvelope event) {
    JsonObject data = event.data().copy();
    data.remove("userId");
    return new JsonObject().put("type", event.type()).put("timestamp", event.occurredAt().toString())
      .put("data", data);
  }
}
