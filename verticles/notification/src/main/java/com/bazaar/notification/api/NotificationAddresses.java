package com.bazaar.notification.api;

/** The notification service's bus addresses, which the gateway routes to. */
public final class NotificationAddresses {
  public static final String LIST = "notification.list";
  public static final String UNREAD_COUNT = "notification.unread";
  public static final String MARK_READ = "notification.read";

  private NotificationAddresses() {
  }
}
