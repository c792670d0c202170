package com.bazaar.notification.webhook;

import com.bazaar.platform.SingleRound;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the sender's attempts in batches: one statement for all that finished while the previous one was written
 * (group commit), so the log costs a round trip per batch rather than per delivery. An attempt not yet written when
 * the process dies leaves its delivery to be retried after its lease: a receiver may see a delivery twice, and drops
 * the second by its {@code webhook-id}. Outcomes are counted in {@code bazaar.notifications.webhook{outcome}}.
 */
final class AttemptLog {
  private static final Logger LOG = LoggerFactory.getLogger(AttemptLog.class);

  private final WebhookDeliveries deliveries;
  private final int maxAttempts;
  private final MeterRegistry registry;
  private final SingleRound writes = new SingleRound(this::write);
  private List<WebhookDeliveries.Attempt> pending = new ArrayList<>();

  AttemptLog(WebhookDeliveries deliveries, int maxAttempts, MeterRegistry registry) {
    this.deliveries = deliveries;
    this.maxAttempts = maxAttempts;
    this.registry = registry;
  }

  /** Call on the sender's context. */
  void add(WebhookDeliveries.Attempt attempt) {
    pending.add(attempt);
    writes.runAgain();
  }

  private Future<Void> write() {
    if (pending.isEmpty()) {
      return Future.succeededFuture();
    }
    List<WebhookDeliveries.Attempt> batch = pending;
    pending = new ArrayList<>();
    return deliveries.record(batch, maxAttempts)
      .onSuccess(statuses -> statuses.forEach(this::count))
      .onFailure(e -> LOG.warn("{} webhook attempts could not be logged; their deliveries are retried after their "
        + "lease: {}", batch.size(), e.toString()))
      .mapEmpty();
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
