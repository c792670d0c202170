package com.bazaar.notification.api;

/** The notification service's bus addresses, which the gateway routes to. */
public final class NotificationAddresses {
  public static final String LIST = "notification.list";
  public static final String UNREAD_COUNT = "notification.unread";
  public static final String MARK_READ = "notification.read";
  public static final String WEBHOOK_PUT = "notification.webhook.put";
  public static final String WEBHOOK_GET = "notification.webhook.get";
  public static final String WEBHOOK_DELETE = "notification.webhook.delete";
  public static final String WEBHOOK_DELIVERIES = "notification.webhook.deliveries";
  public static final String WEBHOOK_RETRY = "notification.webhook.retry";

  private NotificationAddresses() {
  }
}
