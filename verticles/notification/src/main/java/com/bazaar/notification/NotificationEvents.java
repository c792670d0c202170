package com.bazaar.notification;

import com.bazaar.platform.events.EventEnvelope;
import com.bazaar.platform.events.EventHandler;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.util.List;

/** Writes each event's notices, in the inbox's transaction; an event that tells nobody anything is declined. */
final class NotificationEvents implements EventHandler {
  static final String QUEUE = "notification.inapp";

  private final NotificationRepository notifications;

  NotificationEvents(NotificationRepository notifications) {
    this.notifications = notifications;
  }

  @Override
  public boolean concerns(EventEnvelope event) {
    return !Notices.of(event).isEmpty();
  }

  @Override
  public Future<Void> handle(SqlConnection tx, EventEnvelope event) {
    List<Notice> notices = Notices.of(event);
    return notices.isEmpty() ? Future.succeededFuture()
      : notifications.insert(tx, event.id(), event.type(), notices);
  }
}
