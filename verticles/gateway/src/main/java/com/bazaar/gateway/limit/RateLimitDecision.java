package com.bazaar.gateway.limit;

/** The answer for one request: allowed or not, what remains, and when to retry or when the quota is whole again. */
public record RateLimitDecision(boolean allowed, long remaining, long retryAfterSec, long resetSec, boolean fallback) {
  public static final RateLimitDecision UNLIMITED = new RateLimitDecision(true, Long.MAX_VALUE, 0, 0, false);
}
