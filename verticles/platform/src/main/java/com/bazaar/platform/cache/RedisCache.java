package com.bazaar.platform.cache;

import com.bazaar.platform.redis.SharedRedis;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

import java.util.List;
import java.util.function.Supplier;

/**
 * A read-through cache of pre-encoded JSON in Redis. It never fails a read: when Redis is slow or down the
 * value is loaded from the source, and writes to the cache are best effort. Concurrent misses of one key load
 * once per process. Hits and misses are counted per cache name.
 */
public final class RedisCache {
  private final SharedRedis redis;
  private final String prefix;
  private final boolean enabled;
  private final SingleFlight<Buffer> flights = new SingleFlight<>();
  private final Counter hits;
  private final Counter misses;

  public RedisCache(SharedRedis redis, MeterRegistry registry, String name, boolean enabled) {
    this.redis = redis;
    this.prefix = name + ":";
    this.enabled = enabled;
    this.hits = Counter.builder("bazaar.cache.requests").tag("cache", name).tag("result", "hit").register(registry);
    this.misses = Counter.builder("bazaar.cache.requests").tag("cache", name).tag("result", "miss").register(registry);
  }

  public Future<Buffer> getOrLoad(String key, int ttlSec, Supplier<Future<Buffer>> loader) {
    if (!enabled) {
      return loader.get();
    }
    return get(key).compose(cached -> {
      if (cached != null) {
        hits.increment();
        return Future.succeededFuture(cached);
      }
      misses.increment();
      return flights.load(key, () -> loadOnce(key, ttlSec, loader));
    });
  }

  /**
   * The flight looks in Redis again before loading, and ends only once the value is stored: a reader whose first
   * look raced the store either joins this flight or starts one that finds the stored value.
   */
  private Future<Buffer> loadOnce(String key, int ttlSec, Supplier<Future<Buffer>> loader) {
    return get(key).compose(cached -> cached != null ? Future.succeededFuture(cached)
      : loader.get().compose(value -> put(key, value, ttlSec).map(value)));
  }

  private Future<Buffer> get(String key) {
    return redis.send(Request.cmd(Command.GET).arg(prefix + key))
      .map(response -> response == null ? null : response.toBuffer())
      .otherwise(failure -> null);
  }

  public Future<Void> put(String key, Buffer value, int ttlSec) {
    return redis.send(Request.cmd(Command.SET).arg(prefix + key).arg(value).arg("EX").arg(ttlSec))
      .<Void>mapEmpty().otherwiseEmpty();
  }

  /** Best effort: when Redis is down the entries simply age out. */
  public Future<Void> invalidate(List<String> keys) {
    if (keys.isEmpty()) {
      return Future.succeededFuture();
    }
    Request del = Request.cmd(Command.DEL);
    keys.forEach(k -> del.arg(prefix + k));
    return redis.send(del).<Void>mapEmpty().otherwiseEmpty();
  }
}
