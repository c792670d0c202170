package com.bazaar.notification;

import com.bazaar.notification.email.EmailOutbox;
import com.bazaar.notification.webhook.WebhookDeliveries;
import com.bazaar.notification.webhook.WebhookEvents;
import com.bazaar.platform.events.EventEnvelope;
import com.bazaar.platform.events.EventHandler;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes each event's notices, in the inbox's transaction, queues the customer's e-mail for an order event that has a
 * template (when e-mail is on), and queues the reseller's webhook delivery when their webhook takes the event; an
 * event that tells nobody anything is declined.
 */
final class NotificationEvents implements EventHandler {
  static final String QUEUE = "notification.inapp";
  /** The order events the customer is mailed about; each has its template, {@code <event type>.txt}. */
  static final List<String> MAILED = List.of("order.created", "order.paid", "order.shipped", "order.delivered",
    "order.cancelled");

  private final NotificationRepository notifications;
  private final EmailOutbox emails;
  private final Set<String> mailed;

  /** {@code emails} null: e-mail is off. */
  NotificationEvents(NotificationRepository notifications, EmailOutbox emails) {
    this.notifications = notifications;
    this.emails = emails;
    this.mailed = emails == null ? Set.of() : Set.copyOf(MAILED);
  }

  @Override
  public boolean concerns(EventEnvelope event) {
    return !Notices.of(event).isEmpty() || WebhookEvents.reseller(event) != null;
  }

  @Override
  public Future<Void> handle(SqlConnection tx, EventEnvelope event) {
    List<Notice> notices = Notices.of(event);
    Future<Void> written = notices.isEmpty() ? Future.succeededFuture()
      : notifications.insert(tx, event.id(), event.type(), notices).compose(v -> mail(tx, event));
    UUID reseller = WebhookEvents.reseller(event);
    return reseller == null ? written : written.compose(v -> WebhookDeliveries.enqueue(tx, event.id(), reseller,
      event.type(), WebhookEvents.payload(event)));
  }

  private Future<Void> mail(SqlConnection tx, EventEnvelope event) {
    JsonObject data = event.data();
    if (!mailed.contains(event.type()) || data.getString("userId") == null) {
      return Future.succeededFuture();
    }
    JsonObject values = new JsonObject().put("orderNumber", data.getString("orderNumber"))
      .put("total", Notices.money(data.getLong("totalAmount", 0L), data))
      .put("reason", data.getString("reason", "no reason given"));
    return emails.enqueue(tx, event.id(), UUID.fromString(data.getString("userId")), event.type(), values);
  }
}
