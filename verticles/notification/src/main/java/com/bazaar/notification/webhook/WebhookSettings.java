package com.bazaar.notification.webhook;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code notification.webhook} section of the configuration. Targets on loopback and private networks, and plain
 * http, are allowed only in the {@code dev} and {@code bench} profiles, where the receivers are local.
 */
public record WebhookSettings(long timeoutMs, int maxAttempts, List<Long> backoffMs, int perHostConcurrency,
                              int breakerMaxFailures, long breakerResetMs, long pollMs, int batchSize,
                              boolean localTargetsAllowed) {
  private static final Set<String> LOCAL_TARGET_PROFILES = Set.of("dev", "bench");
  private static final double JITTER = 0.2;

  public static WebhookSettings from(JsonObject config, String profile) {
    JsonObject webhook = config.getJsonObject("notification").getJsonObject("webhook");
    JsonArray backoff = webhook.getJsonArray("backoffMs");
    return new WebhookSettings(webhook.getLong("timeoutMs"), webhook.getInteger("maxAttempts"),
      backoff.stream().map(v -> ((Number) v).longValue()).toList(), webhook.getInteger("perHostConcurrency"),
      webhook.getInteger("breakerMaxFailures"), webhook.getLong("breakerResetMs"), webhook.getLong("pollMs"),
      webhook.getInteger("batchSize"), LOCAL_TARGET_PROFILES.contains(profile));
  }

  /**
   * The wait after failed attempt number {@code attempts}: the list's entry (its last one beyond it), spread by up to
   * a fifth either way so that the retries of many deliveries that failed together do not arrive together.
   */
  long backoffAfter(int attempts) {
    long base = backoffMs.get(Math.min(attempts, backoffMs.size()) - 1);
    return Math.round(base * (1 - JITTER + 2 * JITTER * ThreadLocalRandom.current().nextDouble()));
  }

  /**
   * How long a claimed delivery stays out of other senders' reach: past the longest it can wait in its lane (behind
   * {@link HostLane#AHEAD} rounds of timeouts) and its own timeout, so only a crash makes it wait the lease out.
   */
  long leaseMs() {
    return timeoutMs * (HostLane.AHEAD + 1) + 5_000;
  }
}
