package com.bazaar.notification.webhook;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One receiving host, as one sender process sees it: its circuit breaker, its deliveries in flight, and the claimed
 * ones waiting for a place. A host takes {@code perHost} deliveries at once while its breaker is closed, one trial
 * while it is half open, and none while it is open, so a host that hangs or fails holds back only its own. Up to
 * {@link #AHEAD} times as many again wait here, claimed ahead, so a finished delivery is followed by the next at once
 * rather than after a claim.
 */
final class HostLane {
  static final int AHEAD = 8;

  private final CircuitBreaker breaker;
  private final int perHost;
  private final ArrayDeque<WebhookDeliveries.Claimed> waiting = new ArrayDeque<>();
  private int inFlight;

  HostLane(Vertx vertx, String host, WebhookSettings settings) {
    this.perHost = settings.perHostConcurrency();
    this.breaker = CircuitBreaker.create("webhook:" + host, vertx, new CircuitBreakerOptions()
        .setMaxFailures(settings.breakerMaxFailures()).setResetTimeout(settings.breakerResetMs()).setTimeout(-1))
      .<HttpResponse<Buffer>>failurePolicy(outcome -> outcome.failed() || hostFault(outcome.result()));
  }

  CircuitBreaker breaker() {
    return breaker;
  }

  /** How many more deliveries to claim for this host now. */
  int wanted() {
    int capacity = capacity();
    return capacity == 0 ? 0 : Math.max(0, capacity * (1 + AHEAD) - inFlight - waiting.size());
  }

  boolean runningLow() {
    return waiting.size() < perHost;
  }

  void add(WebhookDeliveries.Claimed delivery) {
    waiting.add(delivery);
  }

  /** The next delivery to start, if there is a place for one; counts it in flight. */
  WebhookDeliveries.Claimed next() {
    if (waiting.isEmpty() || inFlight >= capacity()) {
      return null;
    }
    inFlight++;
    return waiting.poll();
  }

  void finished() {
    inFlight--;
  }

  /** While the breaker is open, the waiting deliveries are handed back: their ids, now removed here. */
  List<UUID> shedIfOpen() {
    if (breaker.state() != CircuitBreakerState.OPEN || waiting.isEmpty()) {
      return List.of();
    }
    List<UUID> shed = new ArrayList<>(waiting.size());
    waiting.forEach(d -> shed.add(d.id()));
    waiting.clear();
    return shed;
  }

  private int capacity() {
    CircuitBreakerState state = breaker.state();
    return state == CircuitBreakerState.OPEN ? 0 : state == CircuitBreakerState.HALF_OPEN ? 1 : perHost;
  }

  /** A 5xx or 429 says the host is in trouble; another 4xx is about this delivery, and the host is fine. */
  private static boolean hostFault(HttpResponse<Buffer> response) {
    return response.statusCode() >= 500 || response.statusCode() == 429;
  }
}
