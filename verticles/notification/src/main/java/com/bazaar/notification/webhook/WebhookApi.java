package com.bazaar.notification.webhook;

import com.bazaar.notification.api.NotificationAddresses;
import com.bazaar.platform.Ids;
import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.paging.Page;
import com.bazaar.platform.paging.PageRequest;
import com.bazaar.platform.paging.TimeCursor;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The reseller's webhook: set it (a fresh secret, shown once), read it, remove it, and its delivery log. */
public final class WebhookApi {
  private final WebhookEndpoints endpoints;
  private final WebhookDeliveries deliveries;
  private final WebhookTargets targets;

  WebhookApi(WebhookEndpoints endpoints, WebhookDeliveries deliveries, WebhookTargets targets) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.targets = targets;
  }

  public BusBindings bind(BusBindings bindings) {
    return bindings
      .bind(NotificationAddresses.WEBHOOK_PUT, this::put)
      .bind(NotificationAddresses.WEBHOOK_GET, r -> endpoints.get(caller(r)).map(endpoint -> {
        if (endpoint == null) {
          throw ApiError.notFound("Webhook");
        }
        return BusReply.ok(endpoint);
      }))
      .bind(NotificationAddresses.WEBHOOK_DELETE, r -> endpoints.delete(caller(r)).map(removed -> {
        if (!removed) {
          throw ApiError.notFound("Webhook");
        }
        return BusReply.noContent();
      }))
      .bind(NotificationAddresses.WEBHOOK_DELIVERIES, r -> {
        PageRequest page = PageRequest.from(r);
        return deliveries.page(caller(r), r.queryString("status"), TimeCursor.decodeOrFirst(page.cursor()),
            page.fetchSize())
          .map(rows -> BusReply.ok(Page.of(rows, page, row -> row, last -> TimeCursor.encode(
            OffsetDateTime.parse(last.getString("createdAt")), UUID.fromString(last.getString("id"))))));
      })
      .bind(NotificationAddresses.WEBHOOK_RETRY, this::retry);
  }

  private Future<BusReply> put(BusRequest request) {
    JsonObject body = request.bodyObject();
    URI uri = targets.parse(body.getString("url"));
    List<String> events = body.getJsonArray("events").stream().map(String::valueOf).distinct().toList();
    String secret = StandardWebhooks.newSecret();
    return targets.checkAddresses(uri)
      .compose(ok -> endpoints.put(caller(request), uri.toString(), uri.getHost().toLowerCase(Locale.ROOT), events,
        secret))
      .map(endpoint -> {
        JsonObject shown = endpoint.json().put("secret", secret);
        return endpoint.created() ? BusReply.created(shown) : BusReply.ok(shown);
      });
  }

  private Future<BusReply> retry(BusRequest request) {
    UUID reseller = caller(request);
    UUID id = Ids.parse(request.param("id"), "id");
    return deliveries.retry(reseller, id).compose(retried -> retried != null
      ? Future.succeededFuture(BusReply.ok(retried))
      : deliveries.state(reseller, id).map(state -> {
        if (state == null) {
          throw ApiError.notFound("Delivery");
        }
        if (!state.hasEndpoint()) {
          throw ApiError.conflict("NO_WEBHOOK", "Set a webhook before re-sending its deliveries", null);
        }
        throw ApiError.conflict("NOT_FAILED", "Only a FAILED delivery can be re-sent; this one is " + state.status(),
          new JsonObject().put("status", state.status()));
      }));
  }

  private static UUID caller(BusRequest request) {
    return UUID.fromString(request.principal().userId());
  }
}
