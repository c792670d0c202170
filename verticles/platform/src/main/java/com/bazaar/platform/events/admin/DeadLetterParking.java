package com.bazaar.platform.events.admin;

import com.bazaar.platform.Platform;
import com.bazaar.platform.events.EventSettings;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Moves every message of every configured {@code <queue>.dlq} into {@code events.dead_letters} (idempotent by its
 * message id), then acks it, and keeps a gauge of the dead letters waiting for a replay, per queue.
 */
final class DeadLetterParking {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterParking.class);
  private static final long DEPTH_REFRESH_MS = 5000;
  private static final int PREFETCH = 16;

  private final Platform platform;
  private final DeadLetterRepository letters;
  private final Map<String, Long> waiting = new ConcurrentHashMap<>();

  DeadLetterParking(Platform platform, DeadLetterRepository letters) {
    this.platform = platform;
    this.letters = letters;
  }

  DeadLetterParking start() {
    for (String queue : platform.events().settings().queues().keySet()) {
      String dlq = EventSettings.deadLetterQueue(queue);
      waiting.put(queue, 0L);
      Gauge.builder("bazaar.events.dlq.depth", waiting, w -> w.getOrDefault(queue, 0L)).tag("queue", queue)
        .description("Dead letters waiting for inspection or replay").register(platform.registry());
      platform.events().consumeRaw(dlq, PREFETCH, delivery -> letters.park(DeadLetter.from(delivery.message(), queue))
          .compose(v -> delivery.ack())
          .recover(e -> {
            LOG.warn("Could not park a dead letter of {} ({}); it stays on {}", queue, e.toString(), dlq);
            platform.vertx().setTimer(1000, id -> delivery.requeue());
            return Future.succeededFuture();
          }));
    }
    platform.vertx().setPeriodic(DEPTH_REFRESH_MS, id -> letters.waitingByQueue().onSuccess(counts ->
      waiting.replaceAll((queue, old) -> counts.getOrDefault(queue, 0L))));
    return this;
  }
}
