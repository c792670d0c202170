package com.bazaar.notification.webhook;

import com.bazaar.platform.db.ServiceDb;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;

/** The seller webhooks of one notification instance: their API, and the process's sender. */
public final class Webhooks {
  private final Vertx vertx;
  private final WebhookSettings settings;
  private final WebhookDeliveries deliveries;
  private final WebhookTargets targets;
  private final WebhookApi api;

  public Webhooks(Vertx vertx, ServiceDb db, WebhookSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
    this.deliveries = new WebhookDeliveries(db);
    this.targets = new WebhookTargets(vertx, settings.localTargetsAllowed());
    this.api = new WebhookApi(new WebhookEndpoints(db), deliveries, targets);
  }

  public WebhookApi api() {
    return api;
  }

  /** Starts delivering; call once per process, on the context that should run the sender. */
  public WebhookSender startSender(WebClient http, MeterRegistry registry) {
    return new WebhookSender(vertx, http, deliveries, targets, settings, registry).start();
  }
}
