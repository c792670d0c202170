package com.bazaar.platform.events;

import com.bazaar.platform.amqp.AckingConsumer;
import com.bazaar.platform.amqp.AckingConsumer.Delivery;
import com.bazaar.platform.amqp.Broker;
import com.bazaar.platform.amqp.ConfirmedPublisher;
import com.bazaar.platform.amqp.OutgoingMessage;
import com.bazaar.platform.events.EventEnvelope.InvalidEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.rabbitmq.RabbitMQClient;
import io.vertx.rabbitmq.RabbitMQMessage;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Consumes one durable queue (one per service and purpose) into a handler, effectively once: the inbox row and the
 * handler's writes commit together, and only then is the message acked. A failed handler is retried through the
 * delay queues; after the last one, or at once for a message that is not a readable envelope, the message goes to
 * {@code <queue>.dlq} with the reason in a header, and the queue keeps flowing.
 */
public final class EventConsumer {
  public static final String ATTEMPT = "x-bazaar-attempt";
  public static final String ORIGIN_QUEUE = "x-bazaar-queue";
  public static final String REASON = "x-bazaar-reason";
  public static final String DELIVERIES = "x-bazaar-deliveries";
  private static final Logger LOG = LoggerFactory.getLogger(EventConsumer.class);
  private static final int MAX_REASON = 500;
  private static final long DEPTH_REFRESH_MS = 5000;

  private final Vertx vertx;
  private final String queue;
  private final Pool pool;
  private final EventHandler handler;
  private final ConfirmedPublisher publisher;
  private final EventSettings.Consumers settings;
  private final AckingConsumer consumer;
  private final Counter applied;
  private final Counter duplicates;
  private final Counter ignored;
  private final Counter retried;
  private final Counter dead;
  private final Timer lag;
  private volatile long queueDepth;
  private final long cleanupIntervalMs;
  private long depthTimer = -1;
  private long cleanupTimer = -1;

  EventConsumer(Vertx vertx, Broker broker, String queue, Pool pool, EventHandler handler, EventSettings settings,
                MeterRegistry registry, Function<RabbitMQClient, Future<Void>> prepare) {
    if (!settings.queues().containsKey(queue)) {
      throw new IllegalArgumentException("Queue " + queue + " is not declared under events.queues in the config");
    }
    this.vertx = vertx;
    this.queue = queue;
    this.pool = pool;
    this.handler = handler;
    this.publisher = broker.publisher();
    this.settings = settings.consumers();
    this.cleanupIntervalMs = settings.relay().cleanupIntervalMs();
    this.consumer = new AckingConsumer(broker, queue, this.settings.prefetch(), prepare, this::onDelivery);
    this.applied = outcome(registry, "applied");
    this.duplicates = outcome(registry, "duplicate");
    this.ignored = outcome(registry, "ignored");
    this.retried = outcome(registry, "retried");
    this.dead = outcome(registry, "dead");
    this.lag = Timer.builder("bazaar.events.lag").tag("queue", queue)
      .description("From an event's occurredAt to its consumer's commit").publishPercentileHistogram().register(registry);
    Gauge.builder("bazaar.events.queue.depth", this, c -> c.queueDepth).tag("queue", queue)
      .description("Messages ready in the queue, waiting for this consumer").strongReference(true).register(registry);
  }

  /** Completes once consuming; while the broker is down it waits for it. */
  Future<Void> start() {
    depthTimer = vertx.setPeriodic(DEPTH_REFRESH_MS,
      id -> consumer.client().messageCount(queue).onSuccess(count -> queueDepth = count));
    cleanupTimer = vertx.setPeriodic(cleanupIntervalMs,
      id -> Inbox.forget(pool, queue, settings.inboxRetentionHours()));
    return consumer.start();
  }

  Future<Void> stop() {
    vertx.cancelTimer(depthTimer);
    vertx.cancelTimer(cleanupTimer);
    return consumer.stop();
  }

  private Future<Void> onDelivery(Delivery delivery) {
    RabbitMQMessage message = delivery.message();
    int attempt = attemptOf(message);
    EventEnvelope event;
    try {
      event = EventEnvelope.decode(message.body());
    } catch (InvalidEnvelope e) {
      return settle(delivery, deadLetter(message, "invalid envelope: " + e.getMessage(), attempt));
    }
    if (!handler.understands(event.version())) {
      return settle(delivery, deadLetter(message, "unknown envelope version " + event.version(), attempt));
    }
    if (!handler.concerns(event)) {
      ignored.increment();
      return delivery.ack();
    }
    return apply(event).transform(ar -> {
      if (ar.succeeded()) {
        (ar.result() ? applied : duplicates).increment();
        lag.record(Duration.between(event.occurredAt(), Instant.now()));
        return delivery.ack();
      }
      String cause = String.valueOf(ar.cause());
      if (attempt < settings.maxDeliveries()) {
        LOG.debug("{}: {} {} failed (attempt {}), retrying later: {}", queue, event.type(), event.id(), attempt, cause);
        return settle(delivery, retry(message, attempt).onSuccess(v -> retried.increment()));
      }
      LOG.warn("{}: {} {} failed {} times, dead-lettered: {}", queue, event.type(), event.id(), attempt, cause);
      return settle(delivery, deadLetter(message, "handler failed " + attempt + " times: " + cause, attempt));
    });
  }

  private Future<Boolean> apply(EventEnvelope event) {
    return pool.withTransaction(tx -> Inbox.claim(tx, queue, event.id()).compose(first -> first
      ? Future.<Void>succeededFuture().compose(v -> handler.handle(tx, event)).map(true)
      : Future.succeededFuture(false)));
  }

  /** Acks once the message is safely elsewhere; when it could not be moved, hands it back to the queue later. */
  private Future<Void> settle(Delivery delivery, Future<Void> moved) {
    return moved.transform(ar -> {
      if (ar.succeeded()) {
        return delivery.ack();
      }
      LOG.debug("{}: could not move a message ({}); it goes back to the queue", queue, ar.cause().toString());
      vertx.setTimer(settings.retryDelaysMs().isEmpty() ? 1000 : settings.retryDelaysMs().get(0),
        id -> delivery.requeue());
      return Future.succeededFuture();
    });
  }

  private Future<Void> retry(RabbitMQMessage message, int attempt) {
    Map<String, Object> headers = headersOf(message);
    headers.put(ATTEMPT, attempt + 1);
    long delay = settings.retryDelaysMs().get(attempt - 1);
    return publisher.publish(List.of(OutgoingMessage.toQueue(EventSettings.retryQueue(queue, delay),
      message.properties().getMessageId(), message.properties().getType(), headers, message.body())));
  }

  private Future<Void> deadLetter(RabbitMQMessage message, String reason, int deliveries) {
    Map<String, Object> headers = headersOf(message);
    headers.put(ORIGIN_QUEUE, queue);
    headers.put(REASON, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
    headers.put(DELIVERIES, deliveries);
    return publisher.publish(List.of(OutgoingMessage.toQueue(EventSettings.deadLetterQueue(queue),
      UUID.randomUUID().toString(), message.properties().getType(), headers, message.body())))
      .onSuccess(v -> dead.increment());
  }

  private static Map<String, Object> headersOf(RabbitMQMessage message) {
    Map<String, Object> headers = message.properties().getHeaders();
    return headers == null ? new HashMap<>() : new HashMap<>(headers);
  }

  private static int attemptOf(RabbitMQMessage message) {
    Map<String, Object> headers = message.properties().getHeaders();
    Object attempt = headers == null ? null : headers.get(ATTEMPT);
    return attempt instanceof Number number ? number.intValue() : 1;
  }

  private Counter outcome(MeterRegistry registry, String outcome) {
    return Counter.builder("bazaar.events.consumed").tag("queue", queue).tag("outcome", outcome)
      .description("Deliveries by what became of them").register(registry);
  }
}
