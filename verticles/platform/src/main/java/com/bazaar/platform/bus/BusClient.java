package com.bazaar.platform.bus;

import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.error.ErrorMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Calls over the bus with a timeout and a circuit breaker per target service (the address prefix before the first
 * dot). Only the target's own failures count towards it (see {@link #countsAsFailure}). An open breaker fails
 * fast with 503. One per process, so that every
 * verticle instance sees the same breaker state; state changes are logged and exported as metrics.
 */
public final class BusClient {
  private static final Logger LOG = LoggerFactory.getLogger(BusClient.class);

  private final Vertx vertx;
  private final JsonObject settings;
  private final MeterRegistry registry;
  private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

  public BusClient(Vertx vertx, JsonObject settings, MeterRegistry registry) {
    this.vertx = vertx;
    this.settings = settings;
    this.registry = registry;
  }

  /** The reply, or an {@link ApiError} carrying the target's status (or 503/504 when it could not answer). */
  public Future<BusReply> request(String address, BusRequest request, long timeoutMs) {
    CircuitBreaker breaker = breakerFor(target(address));
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeoutMs);
    return breaker.<Message<Buffer>>execute(() -> vertx.eventBus().request(address, request.toJson(), options))
      .map(BusReply::from)
      .recover(failure -> Future.failedFuture(failure instanceof OpenCircuitException
        ? new ApiError(503, "SERVICE_UNAVAILABLE", "The " + breaker.name() + " service is failing; retry shortly",
          new JsonObject().put("retryAfterSeconds", Math.max(1, settings.getLong("resetTimeoutMs") / 1000)))
        : ErrorMapper.map(failure)));
  }

  /**
   * A service-to-service call with the configured timeout, its JSON answer decoded by {@code decode}. The typed
   * clients in each service's {@code api} package are built on this; nothing else builds an envelope by hand.
   */
  public <T> Future<T> call(String address, BusRequest request, Function<JsonObject, T> decode) {
    return request(address, request, settings.getLong("callTimeoutMs"))
      .map(reply -> decode.apply(reply.body().length() == 0 ? new JsonObject() : reply.body().toJsonObject()));
  }

  public CircuitBreakerState state(String target) {
    return breakerFor(target).state();
  }

  public static String target(String address) {
    int dot = address.indexOf('.');
    return dot < 0 ? address : address.substring(0, dot);
  }

  private CircuitBreaker breakerFor(String target) {
    return breakers.computeIfAbsent(target, this::newBreaker);
  }

  private CircuitBreaker newBreaker(String target) {
    CircuitBreaker breaker = CircuitBreaker.create(target, vertx, new CircuitBreakerOptions()
        .setMaxFailures(settings.getInteger("maxFailures"))
        .setResetTimeout(settings.getLong("resetTimeoutMs"))
        .setTimeout(-1)
        .setNotificationAddress(null))
      .failurePolicy(BusClient::countsAsFailure)
      .openHandler(v -> LOG.warn("Circuit breaker for {} OPEN: calls fail fast for {} ms", target,
        settings.getLong("resetTimeoutMs")))
      .halfOpenHandler(v -> LOG.info("Circuit breaker for {} HALF-OPEN: testing the target", target))
      .closeHandler(v -> LOG.info("Circuit breaker for {} CLOSED", target));
    Gauge.builder("bazaar.breaker.state", breaker, b -> switch (b.state()) {
        case CLOSED -> 0;
        case HALF_OPEN -> 1;
        case OPEN -> 2;
      }).tag("target", target).description("0 closed, 1 half-open, 2 open").register(registry);
    return breaker;
  }

  /**
   * Only a failure of the target itself opens its breaker: a timeout, no consumer, a broken connection, or a 503
   * the target answers about itself. Any other answer, a 500 included, is about the one request that caused it (a
   * bug to fix and alert on, logged where it is mapped); counting it would let one client's bad input take the
   * service away from everyone.
   */
  static boolean countsAsFailure(Future<?> outcome) {
    if (outcome.succeeded()) {
      return false;
    }
    if (outcome.cause() instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
      return reply.failureCode() == 503;
    }
    return true;
  }
}
