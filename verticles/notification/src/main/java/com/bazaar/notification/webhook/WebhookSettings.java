package com.bazaar.notification.webhook;

import com.bazaar.notification.Backoff;
import io.vertx.core.json.JsonObject;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code notification.webhook} section of the configuration. Targets on loopback and private networks, and plain
 * http, are allowed only in the {@code dev} and {@code bench} profiles, where the receivers are local.
 */
public record WebhookSettings(long timeoutMs, int maxAttempts, Backoff backoff, int perHostConcurrency,
                              int breakerMaxFailures, long breakerResetMs, long pollMs, int batchSize,
                              boolean localTargetsAllowed) {
  private static final Set<String> LOCAL_TARGET_PROFILES = Set.of("dev", "bench");
  private static final double JITTER = 0.2;

  public static WebhookSettings from(JsonObject config, String profile) {
    JsonObject webhook = config.getJsonObject("notification").getJsonObject("webhook");
    return new WebhookSettings(webhook.getLong("timeoutMs"), webhook.getInteger("maxAttempts"),
      Backoff.from(webhook.getJsonArray("backoffMs")), webhook.getInteger("perHostConcurrency"),
      webhook.getInteger("breakerMaxFailures"), webhook.getLong("breakerResetMs"), webhook.getLong("pollMs"),
      webhook.getInteger("batchSize"), LOCAL_TARGET_PROFILES.contains(profile));
  }

  /**
   * The wait after failed attempt number {@code attempts}: the schedule's step, spread by up to a fifth either way so
   * that the retries of many deliveries that failed together do not arrive together.
   */
  long backoffAfter(int attempts) {
    long base = backoff.afterAttempt(attempts);
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
