package com.bazaar.gateway.limit;

/**
 * The answer for one request: allowed or not, what remains, when to retry or when the quota is whole again, and
 * where the answer came from: Redis, a lease this process holds ({@link LeasedGrants}), or the fallback without Redis.
 */
public record RateLimitDecision(boolean allowed, long remaining, long retryAfterSec, long resetSec, Source source) {
  public enum Source { REDIS, LEASE, FALLBACK }

  public boolean fallback() {
    return source == Source.FALLBACK;
  }
}
