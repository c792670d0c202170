package com.bazaar.notification;

import com.bazaar.notification.api.NotificationAddresses;
import com.bazaar.notification.email.EmailOutbox;
import com.bazaar.notification.email.EmailSender;
import com.bazaar.notification.email.EmailSettings;
import com.bazaar.notification.email.EmailTemplates;
import com.bazaar.notification.webhook.WebhookSettings;
import com.bazaar.notification.webhook.Webhooks;
import com.bazaar.platform.Ids;
import com.bazaar.platform.Platform;
import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.paging.Page;
import com.bazaar.platform.paging.PageRequest;
import com.bazaar.platform.paging.TimeCursor;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/** Binds the notification service's addresses; the consumer of the other services' events is per process. */
public final class NotificationVerticle extends VerticleBase {
  public static final String SERVICE = "notification";
  private static final Logger LOG = LoggerFactory.getLogger(NotificationVerticle.class);
  private static final int MAX_IDS = 100;

  private final Platform platform;

  public NotificationVerticle(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    NotificationRepository notifications = new NotificationRepository(platform.db(SERVICE));
    Webhooks webhooks = new Webhooks(vertx, platform.db(SERVICE), WebhookSettings.from(platform.config(),
      platform.profile()));
    platform.perProcess("notification.webhooks", () -> webhooks.startSender(platform.webClient(),
      platform.registry()));
    EmailSettings email = EmailSettings.from(platform.config());
    Future<EmailOutbox> mail = !email.enabled() ? Future.succeededFuture()
      : platform.perProcessStarted("notification.email", () -> EmailTemplates.load(vertx, email.templates(),
        NotificationEvents.MAILED).map(templates -> {
          EmailOutbox outbox = new EmailOutbox();
          new EmailSender(platform.vertx(), platform.db(SERVICE), outbox, templates, email, platform.bus(),
            platform.registry()).start();
          return outbox;
        }));
    return mail.compose(outbox -> {
      platform.perProcess("notification.inapp", () -> platform.events().consume(SERVICE, NotificationEvents.QUEUE,
        new NotificationEvents(notifications, outbox)).onFailure(e -> LOG.warn("Notifications are not being "
        + "written: {}", e.toString())));
      return bind(notifications, webhooks);
    });
  }

  private Future<Void> bind(NotificationRepository notifications, Webhooks webhooks) {
    return webhooks.api().bind(new BusBindings(vertx.eventBus()))
      .bind(NotificationAddresses.LIST, r -> {
        PageRequest page = PageRequest.from(r);
        return notifications.page(caller(r), "true".equals(r.queryString("unread")),
          TimeCursor.decodeOrFirst(page.cursor()), page.fetchSize())
          .map(rows -> BusReply.ok(Page.of(rows, page, Notification::toJson,
            last -> TimeCursor.encode(last.createdAt(), last.id()))));
      })
      .bind(NotificationAddresses.UNREAD_COUNT, r -> notifications.unread(caller(r))
        .map(n -> BusReply.ok(new JsonObject().put("unread", n))))
      .bind(NotificationAddresses.MARK_READ, r -> notifications.markRead(caller(r), ids(r.bodyObject()))
        .map(n -> BusReply.ok(new JsonObject().put("marked", n))))
      .ready();
  }

  private static UUID caller(BusRequest request) {
    return UUID.fromString(request.principal().userId());
  }

  /** The ids to mark, or null for all; exactly one of {@code ids} and {@code all: true}. */
  private static List<UUID> ids(JsonObject body) {
    JsonArray ids = body.getJsonArray("ids");
    boolean all = body.getBoolean("all", false);
    if (all == (ids != null)) {
      throw ApiError.badRequest("INVALID_SELECTION", "Send either ids or all: true", null);
    }
    if (all) {
      return null;
    }
    if (ids.isEmpty() || ids.size() > MAX_IDS) {
      throw ApiError.badRequest("INVALID_SELECTION", "ids must hold 1 to " + MAX_IDS + " notification ids",
        new JsonObject().put("max", MAX_IDS));
    }
    return ids.stream().map(id -> Ids.parse(String.valueOf(id), "ids")).toList();
  }
}
