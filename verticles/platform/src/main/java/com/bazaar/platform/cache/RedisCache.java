package com.bazaar.platform.cache;

import com.bazaar.platform.redis.RedisScript;
import com.bazaar.platform.redis.SharedRedis;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A read-through cache of pre-encoded JSON in Redis. It never fails a read: when Redis is slow or down the
 * value is loaded from the source, and writes to the cache are best effort. Concurrent misses of one key load
 * once per process. Hits and misses are counted per cache name.
 * <p>
 * Each key has a fence: a value that every invalidation replaces (Redis's clock, to the microsecond). A loader
 * notes the fence before it reads the source and stores what it read only if the fence is still the same, so a
 * read that began before a write committed can never put the old value back after the write's invalidation.
 */
public final class RedisCache {
  private static final RedisScript STORE_IF_UNFENCED = new RedisScript("""
    if (redis.call('GET', KEYS[2]) or '') ~= ARGV[2] then return 0 end
    redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
    return 1""");
  private static final RedisScript INVALIDATE = new RedisScript("""
    local t = redis.call('TIME')
    local fence = t[1] .. '.' .. t[2]
    for i = 1, #KEYS, 2 do
      redis.call('SET', KEYS[i + 1], fence, 'EX', ARGV[1])
      redis.call('DEL', KEYS[i])
    end
    return #KEYS / 2""");
  private static final int FENCE_TTL_SEC = 86_400;

  private final SharedRedis redis;
  private final String prefix;
  private final boolean enabled;
  private final SingleFlight<Buffer> flights = new SingleFlight<>();
  private final Counter hits;
  private final Counter misses;
  private final Counter fenced;

  private record Lookup(Buffer value, String fence) {
  }

  public RedisCache(SharedRedis redis, MeterRegistry registry, String name, boolean enabled) {
    this.redis = redis;
    this.prefix = name + ":";
    this.enabled = enabled;
    this.hits = counter(registry, name, "hit");
    this.misses = counter(registry, name, "miss");
    this.fenced = counter(registry, name, "fenced");
  }

  public Future<Buffer> getOrLoad(String key, int ttlSec, Supplier<Future<Buffer>> loader) {
    if (!enabled) {
      return loader.get();
    }
    return lookup(key).compose(found -> {
      if (found.value() != null) {
        hits.increment();
        return Future.succeededFuture(found.value());
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
    return lookup(key).compose(found -> found.value() != null ? Future.succeededFuture(found.value())
      : loader.get().compose(value -> store(key, value, found.fence(), ttlSec).map(value)));
  }

  /** The value and the fence in one round trip; a Redis problem reads as a miss with an unknown fence. */
  private Future<Lookup> lookup(String key) {
    return redis.send(Request.cmd(Command.MGET).arg(prefix + key).arg(fenceKey(key)))
      .map(response -> new Lookup(response.get(0) == null ? null : response.get(0).toBuffer(),
        response.get(1) == null ? "" : response.get(1).toString()))
      .otherwise(failure -> new Lookup(null, null));
  }

  private Future<Void> store(String key, Buffer value, String fenceSeen, int ttlSec) {
    if (fenceSeen == null) {
      return Future.succeededFuture();
    }
    return STORE_IF_UNFENCED.run(redis, List.of(prefix + key, fenceKey(key)),
        List.of(value, fenceSeen, Integer.toString(ttlSec)))
      .onSuccess(stored -> {
        if (stored.toInteger() == 0) {
          fenced.increment();
        }
      })
      .<Void>mapEmpty().otherwiseEmpty();
  }

  /** Drops the keys and moves their fences, so no load that began before this can store. Best effort. */
  public Future<Void> invalidate(List<String> keys) {
    if (keys.isEmpty()) {
      return Future.succeededFuture();
    }
    List<String> pairs = new ArrayList<>(keys.size() * 2);
    for (String key : keys) {
      pairs.add(prefix + key);
      pairs.add(fenceKey(key));
    }
    return INVALIDATE.run(redis, pairs, List.of(Integer.toString(FENCE_TTL_SEC))).<Void>mapEmpty().otherwiseEmpty();
  }

  private String fenceKey(String key) {
    return "fence:" + prefix + key;
  }

  private static Counter counter(MeterRegistry registry, String name, String result) {
    return Counter.builder("bazaar.cache.requests").tag("cache", name).tag("result", result).register(registry);
  }
}
