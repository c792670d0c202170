package com.bazaar.platform.redis;

/**
 * Redis cannot be reached: a connection was refused, or a probe on a fresh connection did not answer. This, and
 * only this, is when a caller may fall back (fail open, or limit locally); {@link RedisBusy} never allows it.
 */
public final class RedisUnavailable extends RuntimeException {
  public RedisUnavailable(String message) {
    super(message, null, false, false);
  }
}
