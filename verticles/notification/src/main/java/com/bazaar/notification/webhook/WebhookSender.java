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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One per process. Every {@code pollMs}, after a full claim, and when a host's lane runs low, it claims due
 * deliveries into each host's lane ({@link HostLane}: none for a host whose breaker is open), and the lanes send them
 * without the round waiting: a round never waits on a receiver. Each attempt is signed afresh (Standard Webhooks), checked
 * against the SSRF guard, sent with a timeout and no redirects, and logged; a failure is retried after the jittered
 * backoff, and after {@code maxAttempts} the delivery is FAILED; the {@link AttemptLog} writes the attempts in
 * batches. Attempts are timed in {@code bazaar.notifications.webhook.attempt}.
 */
public final class WebhookSender {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

  private final Vertx vertx;
  private final WebClient http;
  private final WebhookDeliveries deliveries;
  private final WebhookTargets targets;
  private final WebhookSettings settings;
  private final AttemptLog log;
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
    this.log = new AttemptLog(deliveries, settings.maxAttempts(), registry);
    this.attemptTimer = Timer.builder("bazaar.notifications.webhook.attempt").register(registry);
  }

  WebhookSender start() {
    rounds.every(vertx, settings.pollMs());
    return this;
  }

  private Future<Void> round() {
    Map<String, Integer> wanted = new HashMap<>();
    lanes.forEach((host, lane) -> wanted.put(host, lane.wanted()));
    int fresh = settings.perHostConcurrency() * (1 + HostLane.AHEAD);
    return deliveries.claim(wanted, fresh, settings.batchSize(), settings.leaseMs())
      .compose(claimed -> {
        Set<HostLane> touched = new HashSet<>();
        for (WebhookDeliveries.Claimed delivery : claimed) {
          HostLane lane = lanes.computeIfAbsent(delivery.host(), host -> new HostLane(vertx, host, settings));
          lane.add(delivery);
          touched.add(lane);
        }
        touched.forEach(this::pump);
        if (claimed.size() == settings.batchSize()) {
          rounds.runAgain();
        }
        return Future.<Void>succeededFuture();
      }).onFailure(e -> LOG.warn("Webhook round failed; the next one retries: {}", e.toString()));
  }

  /** Starts what the lane has room for; hands its waiting deliveries back while its breaker is open. */
  private void pump(HostLane lane) {
    List<UUID> shed = lane.shedIfOpen();
    if (!shed.isEmpty()) {
      deliveries.release(shed).onFailure(e -> LOG.warn("Could not hand back {} webhook deliveries; they are "
        + "retried after their lease: {}", shed.size(), e.toString()));
    }
    for (WebhookDeliveries.Claimed next = lane.next(); next != null; next = lane.next()) {
      attempt(next, lane).onComplete(done -> {
        lane.finished();
        pump(lane);
        if (lane.runningLow()) {
          rounds.runAgain();
        }
      });
    }
  }

  /** Sends one attempt; completes when the receiver has answered or the attempt failed, its log queued. */
  private Future<Void> attempt(WebhookDeliveries.Claimed delivery, HostLane lane) {
    long started = System.nanoTime();
    OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
    // The breaker fails a call its policy counts against the host (a 5xx) without the response; keep it here.
    AtomicReference<HttpResponse<Buffer>> answer = new AtomicReference<>();
    return targets.checkAddresses(URI.create(delivery.url()))
      .compose(ok -> lane.breaker().execute(() -> send(delivery).onSuccess(answer::set)))
      .transform(outcome -> {
        int durationMs = (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        attemptTimer.record(durationMs, TimeUnit.MILLISECONDS);
        HttpResponse<Buffer> response = answer.get();
        boolean delivered = response != null && response.statusCode() / 100 == 2;
        String error = response == null ? String.valueOf(outcome.cause().getMessage())
          : delivered ? null : "the receiver answered " + response.statusCode();
        int number = delivery.attempts() + 1;
        log.add(new WebhookDeliveries.Attempt(delivery.id(), number, delivery.url(), startedAt, durationMs,
          response == null ? null : response.statusCode(), error, delivered, settings.backoffAfter(number)));
        return Future.<Void>succeededFuture();
      });
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
}
