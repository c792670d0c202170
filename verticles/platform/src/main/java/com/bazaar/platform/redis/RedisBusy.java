package com.bazaar.platform.redis;

/**
 * Redis is reachable but a command did not answer in time, or Bazaar's own queue for it was full. The request is
 * shed (503 with {@code Retry-After}); a security decision is never weakened because of it.
 */
public final class RedisBusy extends RuntimeException {
  public RedisBusy(String message) {
    super(message, null, false, false);
  }
}
