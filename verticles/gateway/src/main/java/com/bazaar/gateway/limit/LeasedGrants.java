package com.bazaar.gateway.limit;

import com.bazaar.gateway.limit.RateLimitDecision.Source;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the distributed limiter granted this process, held for a moment so that a busy key costs one Redis round
 * trip per lease instead of one per request. A lease is a batch of cells taken from the shared bucket at once and
 * spent locally within {@code leaseMs}; cells left unspent are lost, so leasing can only make a limit stricter,
 * never looser. The batch doubles (up to {@code maxTokens}) while a key spends its lease before it runs out, and
 * falls back to what was spent otherwise, so a key seen once in a while asks for one cell at a time, exactly as
 * without leases. A refusal is repeated locally for at most {@code leaseMs} too, with the retry time Redis gave
 * (GCRA never allows the key earlier, unless its bucket is deleted by hand). {@code maxTokens} 1 turns leasing off.
 */
final class LeasedGrants {
  private final Cache<String, Lease> leases = Caffeine.newBuilder().maximumSize(100_000)
    .expireAfterAccess(Duration.ofMinutes(2)).executor(Runnable::run).build();
  private final int maxTokens;
  private final long leaseNanos;

  LeasedGrants(int maxTokens, long leaseMs) {
    this.maxTokens = Math.max(1, maxTokens);
    this.leaseNanos = leaseMs * 1_000_000;
  }

  /** Whether a Redis call may take more than one cell; if not, concurrent requests for a key ask Redis each. */
  boolean leasing() {
    return maxTokens > 1;
  }

  /** A decision from what this process holds for the keys, or null when Redis must be asked. */
  RateLimitDecision take(String id, long now) {
    Lease lease = leases.getIfPresent(id);
    return lease == null ? null : lease.take(now);
  }

  /**
   * Whether the lease for the keys is a batch (4 cells or more) with a quarter or less left, from a bucket that held
   * at least another batch: time to ask for the next one in the background. The renewal replaces the lease, so the
   * cells still left are lost, as any unspent cells are: leasing stays stricter than the limit, never looser. A key
   * close to its limit never renews ahead, so it loses nothing.
   */
  boolean runningLow(String id, long now) {
    Lease lease = leases.getIfPresent(id);
    return lease != null && lease.granted >= 4 && lease.remaining >= lease.granted && now < lease.expiresAt
      && lease.left.get() <= lease.granted / 4;
  }

  /** How many cells to ask Redis for: at least one for each request that waited on the last call. */
  int want(String id, long now) {
    Lease lease = leases.getIfPresent(id);
    if (lease == null || lease.granted == 0) {
      return 1;
    }
    int wanted = now < lease.expiresAt ? lease.granted * 2 : lease.granted - Math.max(0, lease.left.get());
    return Math.max(1, Math.min(maxTokens, Math.max(wanted, lease.waited + 1)));
  }

  /**
   * Records Redis's answer and returns the decision for the request that asked: {@code granted} cells (0 for a
   * refusal), the cells the bucket still holds after them, and microseconds until the bucket is whole again, or,
   * for a refusal, until a cell is free; and how many requests waited on the call.
   */
  RateLimitDecision record(String id, long now, int granted, long remaining, long micros, int waited) {
    long seconds = Math.max(1, (micros + 999_999) / 1_000_000);
    if (granted == 0) {
      leases.put(id, new Lease(0, now + Math.min(micros * 1_000, leaseNanos), 0, 0, now + micros * 1_000, waited));
      return new RateLimitDecision(false, 0, seconds, seconds, Source.REDIS);
    }
    leases.put(id, new Lease(granted, now + leaseNanos, remaining, seconds, 0, waited));
    return new RateLimitDecision(true, remaining + granted - 1, 0, seconds, Source.REDIS);
  }

  /** A grant being spent, or ({@code granted} 0) a refusal being repeated, until {@code expiresAt}. */
  private static final class Lease {
    final int granted;
    final long expiresAt;
    final long remaining;
    final long resetSec;
    final long retryAt;
    final int waited;
    final AtomicInteger left;

    Lease(int granted, long expiresAt, long remaining, long resetSec, long retryAt, int waited) {
      this.granted = granted;
      this.expiresAt = expiresAt;
      this.remaining = remaining;
      this.resetSec = resetSec;
      this.retryAt = retryAt;
      this.waited = waited;
      this.left = new AtomicInteger(Math.max(0, granted - 1));
    }

    RateLimitDecision take(long now) {
      if (now >= expiresAt) {
        return null;
      }
      if (granted == 0) {
        long seconds = Math.max(1, (retryAt - now + 999_999_999) / 1_000_000_000);
        return new RateLimitDecision(false, 0, seconds, seconds, Source.LEASE);
      }
      int before = left.getAndDecrement();
      return before > 0 ? new RateLimitDecision(true, remaining + before - 1, 0, resetSec, Source.LEASE) : null;
    }
  }
}
