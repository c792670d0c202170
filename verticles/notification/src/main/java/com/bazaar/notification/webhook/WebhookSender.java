package com.bazaar.notification.webhook;

import com.bazaar.platform.SingleRound;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One per process. Every {@code pollMs}, and at once after a full claim, it claims due deliveries, at most
 * {@code perHostConcurrency} per host and none for a host whose lane is full or whose breaker is open, and sends each
 * without waiting: a round never waits on a receiver. Each attempt is signed afresh (Standard Webhooks), checked
 * against the SSRF guard, sent with a timeout and no redirects, and logged; a failure is retried after the jittered
 * backoff, and after {@code maxAttempts} the delivery is FAILED. Outcomes are counted in
 * {@code bazaar.notifications.webhook{outcome}}, and attempts timed in {@code bazaar.notifications.webhook.attempt}.
 */
public final class WebhookSender {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

  private final Vertx vertx;
  private final WebClient http;
  private final WebhookDeliveries deliveries;
  private final WebhookTargets targets;
  private final WebhookSettings settings;
  private final MeterRegistry registry;
  private final Timer attemptTimer;
  private final Map<String, HostLane> lanes = new HashMap<>();
  private final SingleRound rounds = new SingleRound(this::round);

  WebhookSender(Vertx vertx, WebClient http, WebhookDeliveries deliveries, WebhookTargets targets,
                WebhookSettings settings, MeterRegistry registry) {
    this.vertx = vertx;
    this.http = http;
    this.deliveries = deliveries;
    this.targets = targets;
    this.settings = settings;
    this.registry = registry;
    this.attemptTimer = Timer.builder("bazaar.notifications.webhook.attempt").register(registry);
  }

  WebhookSender start() {
    rounds.every(vertx, settings.pollMs());
    return this;
  }

  private Future<Void> round() {
    Map<String, Integer> free = new HashMap<>();
    lanes.forEach((host, lane) -> free.put(host, lane.free()));
    return deliveries.claim(free, settings.perHostConcurrency(), settings.batchSize(), settings.leaseMs())
      .compose(claimed -> {
        List<UUID> deferred = new ArrayList<>();
        for (WebhookDeliveries.Claimed delivery : claimed) {
          HostLane lane = lanes.computeIfAbsent(delivery.host(), host -> new HostLane(vertx, host, settings));
          if (lane.free() == 0) {
            deferred.add(delivery.id());
          } else {
            lane.started();
            attempt(delivery, lane).onComplete(done -> {
              lane.finished();
              rounds.runAgain();
            });
          }
        }
        if (claimed.size() == settings.batchSize()) {
          rounds.runAgain();
        }
        return deferred.isEmpty() ? Future.<Void>succeededFuture() : deliveries.release(deferred);
      }).onFailure(e -> LOG.warn("Webhook round failed; the next one retries: {}", e.toString()));
  }

  private Future<Void> attempt(WebhookDeliveries.Claimed delivery, HostLane lane) {
    long started = System.nanoTime();
    OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
    URI uri = URI.create(delivery.url());
    // The breaker fails a call its policy counts against the host (a 5xx) without the response; keep it here.
    AtomicReference<HttpResponse<Buffer>> answer = new AtomicReference<>();
    return targets.checkAddresses(uri)
      .compose(ok -> lane.breaker().execute(() -> send(delivery).onSuccess(answer::set)))
      .transform(outcome -> {
        int durationMs = (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        attemptTimer.record(durationMs, TimeUnit.MILLISECONDS);
        HttpResponse<Buffer> response = answer.get();
        boolean delivered = response != null && response.statusCode() / 100 == 2;
        String error = response == null ? String.valueOf(outcome.cause().getMessage())
          : delivered ? null : "the receiver answered " + response.statusCode();
        int number = delivery.attempts() + 1;
        return deliveries.record(delivery.id(), new WebhookDeliveries.Attempt(number, delivery.url(), startedAt,
            durationMs, response == null ? null : response.statusCode(), error, delivered), settings.maxAttempts(),
          settings.backoffAfter(number));
      })
      .onSuccess(status -> count(status))
      .onFailure(e -> LOG.warn("Webhook delivery {} could not be logged; it is retried after its lease: {}",
        delivery.id(), e.toString()))
      .mapEmpty();
  }

  private Future<HttpResponse<Buffer>> send(WebhookDeliveries.Claimed delivery) {
    long timestamp = Instant.now().getEpochSecond();
    String id = delivery.id().toString();
    return http.postAbs(delivery.url()).followRedirects(false).timeout(settings.timeoutMs())
      .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json")
      .putHeader(StandardWebhooks.ID, id)
      .putHeader(StandardWebhooks.TIMESTAMP, String.valueOf(timestamp))
      .putHeader(StandardWebhooks.SIGNATURE, StandardWebhooks.sign(delivery.secret(), id, timestamp, delivery.body()))
      .sendBuffer(Buffer.buffer(delivery.body()));
  }

  private void count(String status) {
    String outcome = switch (status) {
      case "DELIVERED" -> "delivered";
      case "FAILED" -> "failed";
      default -> "retried";
    };
    registry.counter("bazaar.notifications.webhook", "outcome", outcome).increment();
  }
}
