package com.bazaar.notification.webhook;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;

/**
 * One receiving host, as one sender process sees it: its circuit breaker, and how many deliveries to it are in flight.
 * A host takes {@code perHost} deliveries at once while its breaker is closed, one trial while it is half open, and
 * none while it is open, so a host that hangs or fails holds at most its own deliveries back.
 */
final class HostLane {
  private final CircuitBreaker breaker;
  private final int perHost;
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

  /** How many more deliveries it takes now. */
  int free() {
    return Math.max(0, capacity() - inFlight);
  }

  void started() {
    inFlight++;
  }

  void finished() {
    inFlight--;
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
