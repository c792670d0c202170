package com.bazaar.gateway.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.List;

/**
 * The fallback when Redis cannot be asked: the same GCRA, in this process's memory, at a fraction of the
 * configured rate. It only holds per instance, so it is deliberately stricter.
 */
final class LocalRateLimiter {
  private final double fraction;
  private final Cache<String, long[]> arrivals = Caffeine.newBuilder().maximumSize(100_000)
    .expireAfterAccess(Duration.ofMinutes(10)).executor(Runnable::run).build();

  LocalRateLimiter(double fraction) {
    this.fraction = fraction;
  }

  synchronized RateLimitDecision check(RateLimitPolicy policy, List<String> keys) {
    long now = System.nanoTime() / 1_000;
    long interval = (long) (policy.intervalMicros() / fraction);
    long burst = Math.max(1, (long) (policy.burst() * fraction));
    long wait = 0;
    long[][] tats = new long[keys.size()][];
    for (int i = 0; i < keys.size(); i++) {
      long[] tat = arrivals.get(keys.get(i), k -> new long[]{now});
      long next = Math.max(tat[0], now) + interval;
      long allowAt = next - interval * burst;
      wait = Math.max(wait, allowAt - now);
      tats[i] = tat;
    }
    if (wait > 0) {
      long seconds = Math.max(1, (wait + 999_999) / 1_000_000);
      return new RateLimitDecision(false, 0, seconds, seconds, RateLimitDecision.Source.FALLBACK);
    }
    for (long[] tat : tats) {
      tat[0] = Math.max(tat[0], now) + interval;
    }
    return new RateLimitDecision(true, 0, 0, 1, RateLimitDecision.Source.FALLBACK);
  }
}
